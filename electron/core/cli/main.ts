// `npm run cli -- <command>` and the package's `bin`: the same services as the app, in plain Node.
import { jobWorkerUrl } from '../jobs/with-worker.ts';
import { runCli } from './run.ts';
import { readSecretFromStdin } from './secret.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  workerUrl: jobWorkerUrl(import.meta.url),
  readSecret: readSecretFromStdin,
});

import { fileURLToPath } from 'node:url';
import { CliError, defineCommand } from '../command.ts';
import { runOfficeServer } from '../../office/run.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'cli.serve.summary',
  options: {
    db: { type: 'string', summary: 'cli.opt.db', required: true, value: 'FILE' },
    listen: { type: 'string', summary: 'cli.serve.listen', value: 'HOST:PORT' },
    'tls-cert': { type: 'string', summary: 'cli.serve.cert', value: 'FILE' },
    'tls-key': { type: 'string', summary: 'cli.serve.key', value: 'FILE' },
  },
  async run(args, io) {
    if (!io.workerUrl) throw new CliError('serve.notStarted');
    // The renderer beside the job worker: out/renderer from out/main/worker.js, or from electron/core/jobs/worker.ts.
    const rendererDir = new URL(io.workerUrl.pathname.endsWith('.ts') ? '../../../out/renderer' : '../renderer', io.workerUrl);
    const code = await runOfficeServer(
      { db: args.db, listen: args.listen ?? '127.0.0.1:8443', tlsCert: args['tls-cert'], tlsKey: args['tls-key'] },
      { t: io.t, out: io.out, err: io.err, rendererDir: fileURLToPath(rendererDir), workerUrl: io.workerUrl },
    );
    // Its own lines said why; the exit code says that it did not start.
    if (code !== null) process.exitCode = code;
  },
});

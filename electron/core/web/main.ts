// `npm run web`: the app in a browser, against the same services and database code.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services.ts';
import { latestGoodBackup, recoverFromBackup } from '../backup/recover.ts';
import { DatabaseOpenError } from '../db/open.ts';
import { describeOpenError, terminalT } from '../terminal.ts';
import { startWebServer } from './server.ts';
import { jobWorkerUrl, withJobWorker } from '../jobs/with-worker.ts';
import { logsDirFor, openLog, type Logger } from '../log/logger.ts';
import { messageOf, codeOf } from '../app/error-info.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'twinning-desk.sqlite' },
    port: { type: 'string', default: '5190' },
    demo: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'restore-latest': { type: 'boolean', default: false },
  },
});

const t = terminalT();
// The log file in logs/ beside the data file, as the desktop app keeps one in its app-data folder.
// A folder that is missing or read-only cannot hold it: the open below then says why in one line.
let logger: Logger | undefined;
try {
  // Never made along with a missing data folder: that folder is refused below, and nothing may be created.
  if (fs.existsSync(path.dirname(path.resolve(values.db)))) logger = openLog(logsDirFor(values.db));
} catch {
  logger = undefined;
}
// Logged without changing what Node does next (print and exit).
process.on('uncaughtExceptionMonitor', (error) => logger?.error('uncaught exception', error));
let services;
try {
  services = await createServices(values.db, { autoBackup: true, logger });
} catch (error) {
  console.error(describeOpenError(error) ?? messageOf(error));
  if (error instanceof DatabaseOpenError && (error.reason === 'damaged' || error.reason === 'not_database')) {
    // The offer to restore: the damaged file is kept aside, never overwritten.
    const latest = latestGoodBackup(values.db);
    if (!latest) console.error(t('recover.noBackup'));
    else if (!values['restore-latest']) console.error(t('recover.offer', { backup: latest.file }));
    else {
      const done = recoverFromBackup(values.db);
      if (done) console.error(t('recover.done', { aside: done.aside, backup: done.restoredFrom }));
    }
  }
  if (!values['restore-latest']) process.exit(1);
  try {
    services = await createServices(values.db, { autoBackup: true, logger });
  } catch (again) {
    console.error(describeOpenError(again) ?? messageOf(again));
    process.exit(1);
  }
}
const rendererDir = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(t('web.notBuilt'));
  process.exit(1);
}

if (values.demo) {
  const info = await services.call('app.info', {});
  if (info.ok && !info.value.sampleLoaded) {
    const loaded = await services.call('sample.load', {});
    if (loaded.ok && !values.json) console.log(t('web.sampleLoaded'));
  }
}

// Long jobs run in a worker thread, so this thread keeps answering the page while one runs.
const served = withJobWorker(services, { workerUrl: jobWorkerUrl(import.meta.url) });
let server;
try {
  server = await startWebServer({ services: served, rendererDir, port: Number(values.port) });
} catch (error) {
  const code = codeOf(error);
  console.error(code === 'EADDRINUSE' ? t('web.portBusy', { port: values.port }) : messageOf(error));
  await services.close();
  process.exit(1);
}
if (values.json) {
  // For test harnesses: one machine-readable line.
  console.log(JSON.stringify({ url: server.url, port: server.port, token: server.token }));
} else {
  console.log(t('web.dataFile', { file: services.opened.path }));
  console.log(t('web.open'));
  console.log(`  ${server.url}`);
  console.log(t('web.stop'));
}

const stop = async () => {
  await server.close();
  await served.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

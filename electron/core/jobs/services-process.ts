// The services process (Electron's utilityProcess in the desktop app). The main process only relays the window's calls here and answers what only it can
// do (save dialog, open a file); long jobs go on to this process's own job worker, so it keeps
// answering the window (progress, other screens) while one runs.
import { withParams, type Result } from '../../../shared/contract/result.ts';
import { latestGoodBackup, recoverFromBackup } from '../backup/recover.ts';
import { DatabaseOpenError } from '../db/open.ts';
import { createServices, type Services } from '../services.ts';
import { serve, type Port } from './protocol.ts';
import type { OpenMessage, CloseMessage } from './services-client.ts';
import { withJobWorker } from './with-worker.ts';
import { openLog } from '../log/logger.ts';

/**
 * Serves the contract on `port` once the main process said which file to open. A file that
 * cannot be opened answers every call with why (`open.<reason>` with its params, and the latest
 * good backup when the file is damaged), so the main process can offer to restore it.
 */
export function runServicesProcess(port: Port, workerUrl: URL) {
  let opened: (value: Services | Result<never>) => void = () => {};
  const ready = new Promise<Services | Result<never>>((resolve) => (opened = resolve));

  const host = serve(port, async (name, input, job, jobId) => {
    const open = await ready;
    if (!('dispatch' in open)) return open;
    return open.dispatch(name, input, jobId ? { jobId } : { job });
  });

  port.listen(async (message) => {
    const m = message as Partial<OpenMessage> | Partial<CloseMessage> | null;
    if (m?.t === 'close') {
      const open = await ready;
      if ('close' in open) await open.close();
      process.exit(0);
    }
    if (m?.t !== 'open' || typeof m.dbFile !== 'string') return;
    try {
      if (m.recover) recoverFromBackup(m.dbFile);
      const inner = await createServices(m.dbFile, {
        autoBackup: true,
        host: {
          saveFile: host.saveFile,
          relocateDataFile: (file) => void host.relocateDataFile(file),
          connectServer: (origin, fingerprint) => void host.connectServer(origin, fingerprint),
          chooseFolder: host.chooseFolder,
        },
        openPath: host.openPath,
        showInFolder: (file) => void host.showInFolder(file),
        logger: typeof m.logDir === 'string' ? openLog(m.logDir) : undefined,
      });
      opened(withJobWorker(inner, { workerUrl, host }));
    } catch (error) {
      opened({ ok: false, error: { kind: 'internal', message: openFailure(error, m.dbFile) } });
    }
  });
}

function openFailure(error: unknown, dbFile: string): string {
  if (!(error instanceof DatabaseOpenError)) return withParams('open.cannot_open', { file: dbFile, detail: String(error) });
  const damaged = error.reason === 'damaged' || error.reason === 'not_database';
  const backup = damaged ? (latestGoodBackup(dbFile)?.file ?? null) : null;
  return withParams(`open.${error.reason}`, { ...error.params, backup });
}

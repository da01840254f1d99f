// Electron's side of the services process: the glue only Electron can run. The rest (what the
// process does, how calls and host requests travel) is plain Node in electron/core/jobs.
import { utilityProcess } from 'electron';
import { electronPort, type Endpoint } from '../core/jobs/protocol.ts';

/** Starts the services process (out/main/utility.js) as a Chromium utility process, as Actual Budget runs its server. */
export function forkServicesProcess(entry: string): Endpoint {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Twinning Desk services', stdio: 'inherit' });
  return {
    ...electronPort(child, false),
    onExit: (gone) => void child.once('exit', gone),
    // Closing lets it finish the file (WAL checkpoint); one that does not answer in time is killed.
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill(), 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.postMessage({ t: 'close' });
      }),
  };
}

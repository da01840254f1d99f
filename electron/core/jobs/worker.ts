// The job worker (worker_threads): its own connection to the same SQLite file (WAL lets it read
// while the serving thread reads; every write takes the lock at BEGIN IMMEDIATE and waits its turn),
// answering the long calls its parent sends over the protocol.
import { parentPort, workerData } from 'node:worker_threads';
import { createServices, type Services } from '../services.ts';
import { nodePort, serve } from './protocol.ts';

const { dbPath } = workerData as { dbPath: string };
if (!parentPort) throw new Error('the job worker runs as a worker thread');

let opening: Promise<Services> | null = null;
// The job id stays with the parent, which keeps the job list; here the call is cancelled through `job`.
// The actor comes from the parent thread, which took it from the session it checked.
const host = serve(nodePort(parentPort), async (name, input, job, _jobId, actor) => {
  opening ??= createServices(dbPath, { host: { saveFile: host.saveFile }, openPath: host.openPath, showInFolder: (file) => void host.showInFolder(file) });
  return (await opening).dispatch(name, input, { job, actor });
});

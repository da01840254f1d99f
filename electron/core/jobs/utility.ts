// The services process's entry: Electron's utilityProcess runs the built file (out/main/utility.js);
// a test runs it as a worker thread. Plain Node either way: it never imports electron.
import { parentPort as threadPort } from 'node:worker_threads';
import { electronPort, nodePort } from './protocol.ts';
import { runServicesProcess } from './services-process.ts';
import { jobWorkerUrl } from './with-worker.ts';

type ElectronParentPort = { postMessage(m: unknown): void; on(event: 'message', f: (e: unknown) => void): unknown };
const electronParent = (process as { parentPort?: ElectronParentPort }).parentPort;

if (electronParent) runServicesProcess(electronPort(electronParent, true), jobWorkerUrl(import.meta.url));
else if (threadPort) runServicesProcess(nodePort(threadPort), jobWorkerUrl(import.meta.url));
else throw new Error('the services process runs under Electron (utilityProcess) or as a worker thread');

// The main process's side of the services process: no database code, only the protocol.
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/index.ts';
import type { Result } from '../../../shared/contract/result.ts';
import { connect, type Client, type Endpoint, type HostRequests } from './protocol.ts';

/** What the main process sends first: which file, and whether to restore its latest good backup before opening it. */
export type OpenMessage = { t: 'open'; dbFile: string; recover?: boolean; logDir?: string | undefined };
/** Which file, and where the app keeps its log (the services process writes the calls it answers there). */
export type OpenTarget = { dbFile: string; logDir?: string | undefined };
/** At quit: close the file (and the job worker) and end the process. */
export type CloseMessage = { t: 'close' };

/**
 * The main process's side: the services process is started on the first call, and again after a
 * crash, each time told first which file to open (`recover`: restore its latest good backup first,
 * the first time only). Calls made meanwhile wait for the file to be open.
 */
export function connectServicesProcess(spawn: () => Endpoint, target: OpenTarget, host: Partial<HostRequests>, recover = false): ServicesClient {
  let restore = recover;
  const client = connect(
    () => {
      const endpoint = spawn();
      endpoint.post({ t: 'open', ...target, recover: restore } satisfies OpenMessage);
      restore = false;
      return endpoint;
    },
    { host },
  );
  return { ...client, typed: (name, input) => client.call(name, input) as never };
}

/** The client, plus the contract's types for the calls the main process makes itself (start-up, reminders). */
export type ServicesClient = Client & {
  typed: <N extends CallName>(name: N, input: CallInput<N>) => Promise<Result<CallOutput<N>>>;
};

/** An open failure's i18n message (`open.<reason>|{…}`), as the services process answers it. */
export function openFailureMessage(result: Result<unknown>): string | null {
  return !result.ok && result.error.kind === 'internal' ? result.error.message : null;
}

// The one message protocol between a caller and the process or thread that runs the services:
// Electron main ↔ the utility process (over Electron's ports), and the web server, the CLI and
// the utility process ↔ their job worker (worker_threads). Plain data only, so structured clone
// carries it over either kind of port.
import type { Result } from '../../../shared/contract/result.ts';
import { CANCELLED, type CancelToken, type JobControl } from '../app/job.ts';
import type { Actor } from '../../../shared/contract/users.ts';
import { messageOf } from '../app/error-info.ts';

/** A reply the caller gets when the other side died with the call in flight. */
export const CRASHED: Result<never> = { ok: false, error: { kind: 'internal', message: 'jobs.crashed' } };

/** What the services may ask of the side that owns the screen (Electron main): a save dialog, opening a file. */
export type HostRequests = {
  saveFile: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>;
  openPath: (file: string) => Promise<string>;
  /** Shows a file in the system's file manager: for an attachment we will not open (rules/attachment-types.ts). */
  showInFolder: (file: string) => Promise<void>;
  /** The data file was copied to a folder chosen in Settings: use it from the next start, and restart. */
  relocateDataFile: (file: string) => Promise<void>;
  /** Work on the office server from now on (the desktop restarts onto it). */
  connectServer: (origin: string, fingerprint: string) => Promise<void>;
  /** The system's folder picker (Settings: the backups folder); null when the user cancelled. */
  chooseFolder: (title: string, current: string | null) => Promise<string | null>;
};
type HostMethod = keyof HostRequests;
const HOST_METHODS: readonly HostMethod[] = ['saveFile', 'openPath', 'showInFolder', 'relocateDataFile', 'connectServer', 'chooseFolder'];

type CallMessage = { t: 'call'; id: number; name: string; input: unknown; jobId?: string; cancel?: SharedArrayBuffer; actor?: Actor };
type CancelMessage = { t: 'cancel'; id: number };
type HostReplyMessage = { t: 'hostReply'; id: number; ok: boolean; value?: unknown; message?: string };
type ProgressMessage = { t: 'progress'; id: number; done: number; total: number };
type ReplyMessage = { t: 'reply'; id: number; result: Result<unknown> };
type HostMessage = { t: 'host'; id: number; method: HostMethod; args: unknown[] };
export type ToServer = CallMessage | CancelMessage | HostReplyMessage;
export type ToCaller = ProgressMessage | ReplyMessage | HostMessage;

/** Either end of a channel, whatever carries it (a worker, a MessagePort, Electron's parentPort). */
export type Port = {
  post(message: unknown): void;
  listen(receive: (message: unknown) => void): void;
};

/** The serving side as the caller sees it: a port that can also die (crash, exit) and be stopped. */
export type Endpoint = Port & {
  onExit(gone: () => void): void;
  stop(): Promise<void>;
};

/** Node's worker_threads ports and Worker deliver the message itself. */
export function nodePort(port: { postMessage(m: unknown): void; on(event: 'message', f: (m: unknown) => void): unknown }): Port {
  return { post: (m) => port.postMessage(m), listen: (receive) => void port.on('message', receive) };
}

/** Electron's MessagePortMain, utilityProcess parentPort and UtilityProcess deliver an event with `data` (or, for a child, the message). */
export function electronPort(port: { postMessage(m: unknown): void; on(event: 'message', f: (e: unknown) => void): unknown }, wrapped: boolean): Port {
  return {
    post: (m) => port.postMessage(m),
    listen: (receive) => void port.on('message', (e) => receive(wrapped ? (e as { data: unknown }).data : e)),
  };
}

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

/** `jobId`: the id the screen gave a long call, to ask its progress and cancel it with calls of their own. */
/** `actor`: who called, when not the local user (the office server's signed-in user, carried to the job worker). */
export type Dispatch = (name: string, input: unknown, job: JobControl, jobId?: string, actor?: Actor) => Promise<Result<unknown>>;

/** How often a job may tell its progress: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 50;

/**
 * Answers calls arriving on `port` with `dispatch`; returns the host (save dialog, open a file)
 * as a proxy that asks the caller's side. Each call gets a cancel token: a `cancel` message
 * aborts it once this side's event loop turns, and a shared flag (worker_threads only) is seen
 * at once by a job that never yields, such as an import's row loop over synchronous SQLite.
 */
export function serve(port: Port, dispatch: Dispatch): HostRequests {
  const running = new Map<number, AbortController>();
  const hostWaits = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextHostId = 1;

  port.listen((message) => {
    if (!isObject(message)) return;
    if (message.t === 'cancel') running.get(Number(message.id))?.abort();
    else if (message.t === 'hostReply') {
      const waiting = hostWaits.get(Number(message.id));
      hostWaits.delete(Number(message.id));
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(String(message.message)));
    } else if (message.t === 'call') void answer(message as CallMessage);
  });

  async function answer({ id, name, input, jobId, cancel, actor }: CallMessage) {
    const controller = new AbortController();
    running.set(id, controller);
    const flag = cancel ? new Int32Array(cancel) : null;
    const signal: CancelToken = flag
      ? {
          get aborted() {
            return controller.signal.aborted || Atomics.load(flag, 0) === 1;
          },
        }
      : controller.signal;
    let last = 0;
    const onProgress = (done: number, total: number) => {
      const now = performance.now();
      if (done < total && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      port.post({ t: 'progress', id, done, total } satisfies ProgressMessage);
    };
    let result: Result<unknown>;
    try {
      result = await dispatch(name, input, { signal, onProgress }, typeof jobId === 'string' ? jobId : undefined, actor);
    } catch {
      result = { ok: false, error: { kind: 'internal', message: 'errors.internal' } };
    } finally {
      running.delete(id);
    }
    port.post({ t: 'reply', id, result } satisfies ReplyMessage);
  }

  const ask =
    (method: HostMethod) =>
    (...args: unknown[]) =>
      new Promise<unknown>((resolve, reject) => {
        const id = nextHostId++;
        hostWaits.set(id, { resolve, reject });
        port.post({ t: 'host', id, method, args } satisfies HostMessage);
      });
  return {
    saveFile: ask('saveFile') as HostRequests['saveFile'],
    openPath: ask('openPath') as HostRequests['openPath'],
    showInFolder: ask('showInFolder') as HostRequests['showInFolder'],
    relocateDataFile: ask('relocateDataFile') as HostRequests['relocateDataFile'],
    connectServer: ask('connectServer') as HostRequests['connectServer'],
    chooseFolder: ask('chooseFolder') as HostRequests['chooseFolder'],
  };
}

export type CallOptions = {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal | undefined;
  jobId?: string | undefined;
  actor?: Actor | undefined;
};

export type Client = {
  call(name: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  /** Stops the serving side; calls in flight get the crash reply. */
  close: () => Promise<void>;
};

/**
 * The calling side. The serving side is started on the first call; if it dies, every call in
 * flight is answered with a clear error (never left hanging) and the next call starts a new one.
 * `shared` posts a shared cancel flag with each call (worker_threads; not across processes).
 */
export function connect(start: () => Endpoint, options: { host?: Partial<HostRequests>; shared?: boolean } = {}): Client {
  type Pending = { resolve(r: Result<unknown>): void; onProgress?: CallOptions['onProgress'] };
  let endpoint: Endpoint | null = null;
  let pending = new Map<number, Pending>();
  let nextId = 1;

  function open(): Endpoint {
    if (endpoint) return endpoint;
    const opened = start();
    const mine = new Map<number, Pending>();
    pending = mine;
    endpoint = opened;
    opened.listen((message) => {
      if (!isObject(message)) return;
      const id = Number(message.id);
      if (message.t === 'progress') mine.get(id)?.onProgress?.(Number(message.done), Number(message.total));
      else if (message.t === 'reply') {
        mine.get(id)?.resolve(message.result as Result<unknown>);
        mine.delete(id);
      } else if (message.t === 'host') void answerHost(opened, message as HostMessage);
    });
    opened.onExit(() => {
      if (endpoint === opened) endpoint = null;
      for (const waiting of mine.values()) waiting.resolve(CRASHED);
      mine.clear();
    });
    return opened;
  }

  async function answerHost(to: Endpoint, { id, method, args }: HostMessage) {
    const handler = HOST_METHODS.includes(method) ? options.host?.[method] : undefined;
    try {
      if (!handler) throw new Error(`no host for ${method}`);
      const value = await (handler as (...a: unknown[]) => Promise<unknown>)(...args);
      to.post({ t: 'hostReply', id, ok: true, value } satisfies HostReplyMessage);
    } catch (error) {
      to.post({ t: 'hostReply', id, ok: false, message: messageOf(error) } satisfies HostReplyMessage);
    }
  }

  return {
    call(name, input, { onProgress, signal, jobId, actor } = {}) {
      if (signal?.aborted) return Promise.resolve({ ok: false, error: CANCELLED.error });
      const to = open();
      const id = nextId++;
      const cancel = options.shared ? new SharedArrayBuffer(4) : undefined;
      return new Promise<Result<unknown>>((resolve) => {
        const abort = () => {
          if (cancel) Atomics.store(new Int32Array(cancel), 0, 1);
          to.post({ t: 'cancel', id } satisfies CancelMessage);
        };
        signal?.addEventListener('abort', abort, { once: true });
        pending.set(id, {
          onProgress,
          resolve: (result) => {
            signal?.removeEventListener('abort', abort);
            resolve(result);
          },
        });
        to.post({ t: 'call', id, name, input, ...(jobId ? { jobId } : {}), ...(cancel ? { cancel } : {}), ...(actor ? { actor } : {}) } satisfies CallMessage);
      });
    },
    async close() {
      const current = endpoint;
      endpoint = null;
      await current?.stop();
    },
  };
}

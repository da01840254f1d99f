import { useCallback, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.ts';
import type { LongCall } from '../../shared/contract/jobs.ts';
import { AppFailure, type Result } from '../../shared/contract/result.ts';
import { invalidates } from '../../shared/contract/touches.ts';

export type Bridge = {
  /** `jobId` names a long call, so the screen can ask its progress and cancel it with calls of their own. */
  call(name: string, input: unknown, jobId?: string): Promise<Result<unknown>>;
  /** Desktop only: the menu asks for a screen. */
  onNavigate?(listener: (route: string) => void): void;
  /** Desktop only: a spreadsheet the app was asked to open. */
  onOpenFile?(listener: (file: { name: string; bytes: Uint8Array }) => void): void;
  /** Desktop only: the window is closing while a form holds unsaved work; the page asks the user. */
  onCloseRequested?(listener: () => void): void;
  /** Desktop only: the user chose to leave; the window closes (or reloads) now. */
  closeWindow?(): void;
};

declare global {
  interface Window {
    /** Set by the Electron preload; absent when served by `npm run web`. */
    twinning?: Bridge;
  }
}

const TOKEN_KEY = 'twinning-token';

/** `npm run web` prints a URL with #token=…; keep it for reloads and take it out of the address bar. */
function webToken(): string {
  const match = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + '#/');
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Fired when the server refuses our token (a page kept open across a restart of `npm run web`). */
export const TOKEN_REFUSED = 'twinning:token-refused';

/** The office server's header carrying the session's CSRF token with every call. */
const CSRF_HEADER = 'x-twinning-csrf';
/** Office server: the CSRF token of this page's session, asked of `/session` once at start. */
let csrf: string | null = null;

/**
 * Finds how the page reaches its data: the desktop app's bridge, `npm run web`'s token
 * (#token=…), or a session on the office server. Without any, the office server's page goes
 * to its login (answering 'login'), and `npm run web`'s says only where to go ('none').
 */
export async function connect(): Promise<'ready' | 'login' | 'none'> {
  if (window.twinning !== undefined || webToken() !== '') return 'ready';
  try {
    const res = await fetch('/session', { credentials: 'same-origin' });
    if (res.ok) {
      csrf = ((await res.json()) as { csrf: string }).csrf;
      bridge = officeBridge();
      return 'ready';
    }
    if (res.status === 401) {
      window.location.assign('/login');
      return 'login';
    }
  } catch {
    // Not the office server (`npm run web` answers no /session): say where to go.
  }
  return 'none';
}

const httpBridge = (): Bridge => {
  const token = webToken();
  return {
    async call(name, input, jobId) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-twinning-token': token, ...(jobId ? { 'x-twinning-job': jobId } : {}) },
          body: JSON.stringify(input ?? {}),
        });
        if (res.status === 403) {
          sessionStorage.removeItem(TOKEN_KEY);
          window.dispatchEvent(new Event(TOKEN_REFUSED));
        }
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { kind: 'internal', message: 'errors.network' } };
      }
    },
  };
};

/**
 * The office server: the session cookie goes by itself, the CSRF token in a header. A session
 * that ended (idle, signed out, account disabled) sends the page to the login, which says why.
 */
const officeBridge = (): Bridge => ({
  async call(name, input, jobId) {
    try {
      const res = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: csrf ?? '', ...(jobId ? { 'x-twinning-job': jobId } : {}) },
        body: JSON.stringify(input ?? {}),
      });
      const result = (await res.json()) as Result<unknown>;
      if (res.status === 401) {
        const message = !result.ok && 'message' in result.error ? result.error.message : '';
        window.location.assign(`/login?why=${message === 'session.errors.disabled' ? 'disabled' : message === 'session.errors.expired' ? 'expired' : 'none'}`);
      }
      return result;
    } catch {
      return { ok: false, error: { kind: 'internal', message: 'errors.network' } };
    }
  },
});

/** True on the office server, where the page has a session and a user menu. */
export const onOfficeServer = () => csrf !== null;

/** Office server: ends this session, then shows the login. */
export async function signOut(): Promise<void> {
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: { [CSRF_HEADER]: csrf ?? '' } }).catch(() => undefined);
  window.location.assign('/login?out=1');
}

let bridge: Bridge = window.twinning ?? httpBridge();

/**
 * `npm run web` only: fetches a file from a token-guarded route and hands it
 * to the browser to save under its own name (a plain link could not send the token).
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const res = await fetch(url, { headers: csrf !== null ? { [CSRF_HEADER]: csrf } : { 'x-twinning-token': sessionStorage.getItem(TOKEN_KEY) ?? '' } });
  if (res.status === 410) throw new AppFailure({ kind: 'conflict', message: `attachmentsErrors.file_missing|${JSON.stringify({ name: fileName })}` });
  if (!res.ok) throw new AppFailure({ kind: 'internal', message: 'attachmentsErrors.download_failed' });
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await bridge.call(name, input);
  if (!result.ok) throw new AppFailure(result.error);
  return result.value as CallOutput<N>;
}

/** Every read is keyed by its call name first, so a mutation can invalidate a whole feature. */
export function useCall<N extends CallName>(name: N, input: CallInput<N>, options: Partial<UseQueryOptions<CallOutput<N>, AppFailure>> = {}) {
  return useQuery<CallOutput<N>, AppFailure>({
    queryKey: [name, input],
    queryFn: () => call(name, input),
    ...options,
  });
}

/** After a write, the cached reads it can have changed are refetched (shared/contract/touches.ts), and only those. */
export const invalidateAfter = (client: QueryClient, write: CallName) =>
  client.invalidateQueries({ predicate: (query) => invalidates(write, String(query.queryKey[0])) });

export function useMutate<N extends CallName>(name: N) {
  const client = useQueryClient();
  return useMutation<CallOutput<N>, AppFailure, CallInput<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: () => invalidateAfter(client, name),
  });
}

export type JobProgress = { done: number; total: number };

/** How often a running job's bar asks how far it got. */
const PROGRESS_EVERY_MS = 200;

/**
 * Runs a long call (an import, a report, an export, a backup, a restore) and follows it: `progress`
 * is set while it runs (total 0: not known yet), `cancel()` asks it to stop, after which it fails
 * with `jobs.cancelled` and has written nothing.
 */
export function useJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const running = useRef<string | null>(null);

  const run = useCallback(async <N extends LongCall>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const id = crypto.randomUUID();
    running.current = id;
    setProgress({ done: 0, total: 0 });
    const timer = setInterval(() => {
      void bridge.call('jobs.progress', { id }).then((r) => {
        const p = r.ok ? (r.value as CallOutput<'jobs.progress'>) : null;
        if (p?.running && running.current === id) setProgress({ done: p.done, total: p.total });
      });
    }, PROGRESS_EVERY_MS);
    try {
      const result = await bridge.call(name, input, id);
      if (!result.ok) throw new AppFailure(result.error);
      return result.value as CallOutput<N>;
    } finally {
      clearInterval(timer);
      if (running.current === id) {
        running.current = null;
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    if (running.current) void bridge.call('jobs.cancel', { id: running.current });
  }, []);

  return { run, cancel, progress };
}

import { useCallback, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.ts';
import type { LongCall } from '../../shared/contract/jobs.ts';
import { AppFailure, type Result } from '../../shared/contract/result.ts';

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

/**
 * True when the page can reach its data: the desktop app, or `npm run web` opened at the
 * address it printed (#token=…). Opened without it, the page says only where to go.
 */
export const hasAccess = () => window.twinning !== undefined || webToken() !== '';

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

const bridge: Bridge = window.twinning ?? httpBridge();

/**
 * `npm run web` only: fetches a file from a token-guarded route and hands it
 * to the browser to save under its own name (a plain link could not send the token).
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const res = await fetch(url, { headers: { 'x-twinning-token': sessionStorage.getItem(TOKEN_KEY) ?? '' } });
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
export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N>,
  options: Partial<UseQueryOptions<CallOutput<N>, AppFailure>> = {},
) {
  return useQuery<CallOutput<N>, AppFailure>({
    queryKey: [name, input],
    queryFn: () => call(name, input),
    ...options,
  });
}

/** A write, after which every cached read is refetched: simple, and the data set is local and small. */
export function useMutate<N extends CallName>(name: N) {
  const client = useQueryClient();
  return useMutation<CallOutput<N>, AppFailure, CallInput<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: () => client.invalidateQueries(),
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

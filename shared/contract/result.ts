// Errors cross every boundary (IPC, HTTP, CLI) as data, never as thrown stacks.
// `message` values are i18n keys, optionally followed by `|` and JSON params,
// so the renderer, the reports and the CLI translate them the same way.

export type FieldIssue = { path: (string | number)[]; message: string };

export type AppError =
  | { kind: 'validation'; issues: FieldIssue[] }
  | { kind: 'not_found'; entity: string; id: number | string }
  | { kind: 'conflict'; message: string }
  | { kind: 'read_only'; message: string }
  /** The caller's role may not make this call (or, on the office server, there is no valid session). */
  | { kind: 'forbidden'; message: string }
  | { kind: 'internal'; message: string }
  /** The user cancelled a long job; nothing was written. */
  | { kind: 'cancelled'; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export class AppFailure extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.kind === 'validation' ? error.issues.map((i) => i.message).join(', ') : error.kind);
    this.error = error;
  }
}

export const notFound = (entity: string, id: number | string) => new AppFailure({ kind: 'not_found', entity, id });
export const conflict = (message: string, params?: Record<string, unknown>) => new AppFailure({ kind: 'conflict', message: withParams(message, params) });
export const fieldError = (path: (string | number)[], message: string, params?: Record<string, unknown>) =>
  new AppFailure({ kind: 'validation', issues: [{ path, message: withParams(message, params) }] });

export function withParams(key: string, params?: Record<string, unknown>): string {
  return params && Object.keys(params).length > 0 ? `${key}|${JSON.stringify(params)}` : key;
}

export function splitMessage(message: string): { key: string; params: Record<string, unknown> } {
  const bar = message.indexOf('|');
  if (bar < 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, bar), params: JSON.parse(message.slice(bar + 1)) as Record<string, unknown> };
  } catch {
    return { key: message.slice(0, bar), params: {} };
  }
}

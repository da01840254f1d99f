import type { z } from 'zod';
import { AppFailure, type AppError } from '../../../shared/contract/result.ts';

export function validationError(error: z.ZodError): AppError {
  return { kind: 'validation', issues: error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) };
}

type SqliteLike = Error & { code?: string };

/** Turns whatever a handler threw into data the user can read; stacks stay in the log. */
export function toAppError(error: unknown, log: (e: unknown) => void = console.error): AppError {
  if (error instanceof AppFailure) return error.error;
  const code = (error as SqliteLike | null)?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { kind: 'conflict', message: 'errors.reference' };
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL') return { kind: 'conflict', message: 'errors.db_rule' };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { kind: 'conflict', message: 'errors.duplicate' };
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return { kind: 'read_only', message: 'errors.read_only' };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { kind: 'read_only', message: 'errors.disk_full' };
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) return { kind: 'internal', message: 'errors.damaged' };
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { kind: 'conflict', message: 'errors.busy' };
  log(error);
  return { kind: 'internal', message: 'errors.internal' };
}

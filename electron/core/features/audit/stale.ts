import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { withParams, type AppError } from '../../../../shared/contract/result.ts';
import { officeLocaleOf } from '../settings/public.ts';

/** The audit log's name for the record an edit call's `id` names. */
const ENTITY_OF: Record<string, string> = {
  'localities.update': 'locality',
  'agreements.update': 'agreement',
  'agreements.changeStage': 'agreement',
  'contacts.update': 'contact',
  'visits.update': 'visit',
  'tasks.update': 'task',
  'tasks.setStatus': 'task',
  'commitments.update': 'commitment',
  'commitments.cancel': 'commitment',
  'commitments.reopen': 'commitment',
  'commitments.updateDelivery': 'delivery',
  'commitments.removeDelivery': 'delivery',
  'officeEvents.update': 'office_event',
  'officeEvents.move': 'office_event',
  'users.update': 'user',
};

/**
 * A save refused because the record changed since the screen loaded it says who changed it
 * and when (from the audit log, in the office's way of writing dates), so the user knows
 * whom to ask before reloading: "Ana Torres lo modificó el 4 may 2026, 10:12".
 */
export async function explainStale(db: Kysely<DB>, call: string, input: unknown, error: AppError): Promise<AppError> {
  if (error.kind !== 'conflict' || error.message !== 'errors.stale') return error;
  const entity = ENTITY_OF[call];
  const id = (input as { id?: unknown } | null)?.id;
  if (!entity || typeof id !== 'number') return error;
  const last = await db
    .selectFrom('audit_log')
    .select(['user_name', 'at'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .where('action', 'in', ['create', 'update', 'archive', 'restore'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!last) return error;
  const when = formatDateTime(last.at, await officeLocaleOf(db));
  return { kind: 'conflict', message: last.user_name ? withParams('errors.staleBy', { name: last.user_name, when }) : withParams('errors.staleAt', { when }) };
}

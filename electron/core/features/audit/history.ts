import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../../../shared/contract/agreements.ts';
import type { DB } from '../../db/schema.ts';

const IGNORED = new Set(['version', 'updatedAt', 'createdAt']);

/** The audit rows of one record, each reduced to the fields that changed. */
export async function auditHistory(db: Kysely<DB>, entity: string, id: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'action', 'at', 'user_name', 'before_json', 'after_json'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => {
    const before = (r.before_json ? JSON.parse(r.before_json) : {}) as Record<string, unknown>;
    const after = (r.after_json ? JSON.parse(r.after_json) : {}) as Record<string, unknown>;
    const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
    const changes = [...fields]
      .filter((f) => !IGNORED.has(f) && JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
      .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
    return { id: r.id, action: r.action, at: r.at, userName: r.user_name, changes };
  });
}

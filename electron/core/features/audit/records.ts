import { conflict } from '../../../../shared/contract/result.ts';
import { stamp, type Ctx } from '../../app/context.ts';

/** An edit made from a stale screen is refused rather than silently overwriting someone's change. */
export function checkVersion(current: { version: number }, expected: number) {
  if (current.version !== expected) throw conflict('errors.stale');
}

/** Archiving keeps the row (nothing is deleted) and leaves a trace in the audit log. */
export async function archiveRecord<T extends { archivedAt: string | null; version: number }>(
  ctx: Ctx,
  table: 'localities' | 'agreements' | 'contacts' | 'visits',
  entity: string,
  id: number,
  archived: boolean,
  load: (id: number) => Promise<T>,
) {
  // The loaders are the features' mustFind: a missing record is refused there, as not found.
  const before = await load(id);
  if ((before.archivedAt !== null) === archived) return;
  await ctx.db
    .updateTable(table)
    .set({ archived_at: archived ? stamp(ctx) : null, version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', id)
    .execute();
  const after = await load(id);
  await ctx.audit(entity, id, archived ? 'archive' : 'restore', before, after);
}

/**
 * Refuses to delete a record others depend on, naming them: "used by 2 visits
 * (Firma en Zhangzhou, …)". The caller offers archiving instead.
 */
export function refuseIfUsed(message: string, names: readonly string[], total = names.length) {
  if (total === 0) return;
  const shown = names.slice(0, 3).join('; ');
  throw conflict(message, { count: total, names: total > 3 ? `${shown}; …` : shown });
}

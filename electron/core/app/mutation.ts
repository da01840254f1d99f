import type { CallName } from '../../../shared/contract/index.ts';
import { readSetting } from '../features/settings/store.ts';
import { stamp, type Audit, type Ctx } from './context.ts';
import type { Handler } from './handlers.ts';

/** The name the audit log keeps: the signed-in user's, or on the desktop the "user name" setting. */
export async function actorName(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<string> {
  return ctx.actor.name ?? (await readSetting(ctx.db, 'userName'));
}

const refuseAudit: Audit = async () => {
  throw new Error('audit() used outside a mutation');
};
export const readOnlyAudit = refuseAudit;

/** Runs `run` so that, if it throws, what it wrote is undone and the rest of the transaction stands. */
export type Savepoint = <R>(run: () => Promise<R>) => Promise<R>;

/**
 * The one transaction primitive: `fn` runs in one transaction with an audit
 * writer bound to it (the record and its audit row are written together or not
 * at all), and with savepoints for work that may be undone alone (an import's
 * row). If the transaction fails, the error `fn` threw is the one reported,
 * even when SQLite had already rolled back (a full disk) and our rollback fails too.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (trx: Ctx, savepoint: Savepoint) => Promise<T>): Promise<T> {
  const trx = await ctx.db.startTransaction().execute();
  try {
    const userName = await actorName({ ...ctx, db: trx });
    const audit: Audit = async (entity, id, action, before, after) => {
      await trx
        .insertInto('audit_log')
        .values({
          entity,
          entity_id: id,
          action,
          before_json: before === undefined || before === null ? null : JSON.stringify(before),
          after_json: after === undefined || after === null ? null : JSON.stringify(after),
          at: stamp(ctx),
          user_name: userName,
          user_id: ctx.actor.userId,
        })
        .execute();
    };
    let savepoints = 0;
    const savepoint: Savepoint = async (run) => {
      const name = `work_${++savepoints}`;
      const inside = await trx.savepoint(name).execute();
      try {
        const result = await run();
        await inside.releaseSavepoint(name).execute();
        return result;
      } catch (error) {
        // After a full disk SQLite may have rolled the whole transaction back, savepoint included:
        // then undoing to it fails too, and the first error is the one to report.
        await inside
          .rollbackToSavepoint(name)
          .execute()
          .then(() => inside.releaseSavepoint(name).execute())
          .catch(() => undefined);
        throw error;
      }
    };
    const result = await fn({ ...ctx, db: trx, audit }, savepoint);
    await trx.commit().execute();
    return result;
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack)
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
    throw error;
  }
}

/** A handler that writes: its work and its audit rows in one transaction (inTransaction). */
export function mutation<N extends CallName>(handler: Handler<N>): Handler<N> {
  return (input, ctx) => inTransaction(ctx, (inner) => handler(input, inner));
}

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

/**
 * Runs a handler in one transaction with an audit writer bound to it: the
 * record and its audit row are written together or not at all.
 */
export function mutation<N extends CallName>(handler: Handler<N>): Handler<N> {
  return (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
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
      const inner: Ctx = { ...ctx, db: trx, audit };
      return handler(input, inner);
    });
}

import type { CallParsed } from '../../../../shared/contract/index.ts';
import { conflict, fieldError } from '../../../../shared/contract/result.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, today, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { auditHistory } from '../audit/public.ts';
import { deliveryHandlers } from './deliveries.ts';
import { listCommitments } from './queries.ts';
import { changeCommitment, commitmentSnapshot, moneyColumns, mustFindCommitment } from './records.ts';
import { commitmentTotals } from './totals.ts';

type Fields = CallParsed<'commitments.create'>;

async function checkReferences(ctx: Ctx, input: Fields) {
  const agreement = await ctx.db.selectFrom('agreements').select('archived_at').where('id', '=', input.agreementId).executeTakeFirst();
  if (!agreement) throw fieldError(['agreementId'], 'errors.not_found');
  if (agreement.archived_at) throw fieldError(['agreementId'], 'commitmentsErrors.agreement_archived');
  if (input.areaId !== null) {
    const area = await ctx.db.selectFrom('thematic_areas').select('id').where('id', '=', input.areaId).executeTakeFirst();
    if (!area) throw fieldError(['areaId'], 'errors.not_found');
  }
}

async function columns(ctx: Ctx, input: Fields) {
  return {
    agreement_id: input.agreementId,
    area_id: input.areaId,
    kind: input.kind,
    direction: input.direction,
    description: input.description,
    quantity: input.quantity,
    unit: input.unit,
    ...(await moneyColumns(ctx, input)),
    due_on: input.dueOn,
    notes: input.notes,
    search_text: searchKey(input.description, input.unit, input.notes),
  };
}

export async function createCommitment(input: Fields, ctx: Ctx) {
  await checkReferences(ctx, input);
  const at = stamp(ctx);
  const { id } = await ctx.db
    .insertInto('commitments')
    .values({ ...(await columns(ctx, input)), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await mustFindCommitment(ctx, id);
  await ctx.audit('commitment', id, 'create', null, commitmentSnapshot(created));
  return created;
}

/** Also used by the spreadsheet import to merge a row into an existing commitment. */
export async function updateCommitment(input: CallParsed<'commitments.update'>, ctx: Ctx) {
  return changeCommitment(ctx, input.id, input.version, async (before) => {
    if (input.agreementId !== before.agreementId || input.areaId !== before.areaId) await checkReferences(ctx, input);
    // Lowering the promise below what already arrived would turn a delivery into an unconfirmed over-delivery.
    if (input.quantity < before.delivered)
      throw fieldError(['quantity'], `commitmentsErrors.below_delivered|${JSON.stringify({ delivered: before.delivered })}`);
    return columns(ctx, input);
  });
}

export const commitmentHandlers: Handlers<
  | 'commitments.list'
  | 'commitments.get'
  | 'commitments.create'
  | 'commitments.update'
  | 'commitments.cancel'
  | 'commitments.reopen'
  | 'commitments.history'
  | 'commitments.totals'
  | 'commitments.addDelivery'
  | 'commitments.updateDelivery'
  | 'commitments.removeDelivery'
> = {
  'commitments.list': (input, ctx) => listCommitments(ctx.db, input, today(ctx)),
  'commitments.get': ({ id }, ctx) => mustFindCommitment(ctx, id),
  'commitments.create': mutation(createCommitment),
  'commitments.update': mutation(updateCommitment),
  'commitments.cancel': mutation(({ id, version, reason }, ctx) =>
    changeCommitment(ctx, id, version, (before) => {
      if (before.cancelledAt) throw conflict('commitmentsErrors.already_cancelled');
      return { cancelled_at: stamp(ctx), cancel_reason: reason };
    }),
  ),
  'commitments.reopen': mutation(({ id, version }, ctx) => changeCommitment(ctx, id, version, () => ({ cancelled_at: null, cancel_reason: null }))),
  'commitments.history': async ({ id }, ctx) => {
    await mustFindCommitment(ctx, id);
    return auditHistory(ctx.db, 'commitment', id);
  },
  'commitments.totals': (input, ctx) => commitmentTotals(ctx.db, input, today(ctx)),
  ...deliveryHandlers,
};

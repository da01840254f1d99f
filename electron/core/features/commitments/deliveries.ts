import type { CallParsed } from '../../../../shared/contract/index.ts';
import type { Delivery } from '../../../../shared/contract/commitments.ts';
import { conflict, fieldError, notFound } from '../../../../shared/contract/result.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, today, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import { checkVersion } from '../audit/public.ts';
import { moneyColumns, mustFindCommitment } from './records.ts';

type DeliveryInput = Omit<CallParsed<'commitments.addDelivery'>, 'commitmentId'>;

async function mustFindDelivery(ctx: Ctx, id: number): Promise<Delivery> {
  const row = await ctx.db.selectFrom('deliveries').select(['commitment_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('delivery', id);
  const commitment = await mustFindCommitment(ctx, row.commitment_id);
  const delivery = commitment.deliveries.find((d) => d.id === id);
  if (!delivery) throw notFound('delivery', id);
  return delivery;
}

/**
 * Over-delivery happens (a seventh scholarship, a spare vehicle), so it is
 * recorded, never capped; but only once the user has said it is meant.
 */
async function checkDelivery(ctx: Ctx, commitmentId: number, input: DeliveryInput, replacing: number) {
  const commitment = await mustFindCommitment(ctx, commitmentId);
  if (commitment.cancelledAt) throw conflict('commitmentsErrors.cancelled');
  if (input.deliveredOn > today(ctx)) throw fieldError(['deliveredOn'], 'commitmentsErrors.delivery_in_future');
  const total = commitment.delivered - replacing + input.quantity;
  const over = total > commitment.quantity;
  if (over && !input.confirmOverDelivery) {
    throw conflict('commitmentsErrors.over_delivery', {
      promised: commitment.quantity,
      delivered: commitment.delivered - replacing,
      adding: input.quantity,
      unit: commitment.unit ?? '',
    });
  }
  return over;
}

async function columns(ctx: Ctx, input: DeliveryInput, over: boolean) {
  return {
    delivered_on: input.deliveredOn,
    quantity: input.quantity,
    ...(await moneyColumns(ctx, input)),
    notes: input.notes,
    over_delivery_confirmed: over ? 1 : 0,
  };
}

async function writeBeneficiaries(ctx: Ctx, deliveryId: number, people: DeliveryInput['beneficiaries']) {
  await ctx.db.deleteFrom('beneficiaries').where('delivery_id', '=', deliveryId).execute();
  if (people.length === 0) return;
  await ctx.db
    .insertInto('beneficiaries')
    .values(
      people.map((p, position) => ({
        delivery_id: deliveryId,
        position,
        name: p.name,
        native_name: p.nativeName,
        school: p.school,
        tutor: p.tutor,
        period: p.period,
        destination: p.destination,
        search_text: searchKey(p.name, p.nativeName, p.school, p.tutor),
      })),
    )
    .execute();
}

export async function addDelivery(input: CallParsed<'commitments.addDelivery'>, ctx: Ctx) {
  const over = await checkDelivery(ctx, input.commitmentId, input, 0);
  const at = stamp(ctx);
  const { id } = await ctx.db
    .insertInto('deliveries')
    .values({ commitment_id: input.commitmentId, ...(await columns(ctx, input, over)), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeBeneficiaries(ctx, id, input.beneficiaries);
  await ctx.audit('delivery', id, 'create', null, await mustFindDelivery(ctx, id));
  return mustFindCommitment(ctx, input.commitmentId);
}

async function updateDelivery(input: CallParsed<'commitments.updateDelivery'>, ctx: Ctx) {
  const before = await mustFindDelivery(ctx, input.id);
  checkVersion(before, input.version);
  const over = await checkDelivery(ctx, before.commitmentId, input, before.quantity);
  await ctx.db
    .updateTable('deliveries')
    .set({ ...(await columns(ctx, input, over)), version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', input.id)
    .execute();
  await writeBeneficiaries(ctx, input.id, input.beneficiaries);
  await ctx.audit('delivery', input.id, 'update', before, await mustFindDelivery(ctx, input.id));
  return mustFindCommitment(ctx, before.commitmentId);
}

async function removeDelivery(input: CallParsed<'commitments.removeDelivery'>, ctx: Ctx) {
  const before = await mustFindDelivery(ctx, input.id);
  checkVersion(before, input.version);
  // Its evidence would be left pointing at nothing; the user removes (or keeps) it first.
  const linked = await ctx.db.selectFrom('attachment_links').select('id').where('entity', '=', 'delivery').where('entity_id', '=', input.id).executeTakeFirst();
  if (linked) throw conflict('commitmentsErrors.delivery_has_attachments');
  await ctx.db.deleteFrom('beneficiaries').where('delivery_id', '=', input.id).execute();
  await ctx.db.deleteFrom('deliveries').where('id', '=', input.id).execute();
  // The audit row keeps the whole delivery with its beneficiaries, so it can be typed back.
  await ctx.audit('delivery', input.id, 'delete', before, null);
  return mustFindCommitment(ctx, before.commitmentId);
}

export const deliveryHandlers: Handlers<'commitments.addDelivery' | 'commitments.updateDelivery' | 'commitments.removeDelivery'> = {
  'commitments.addDelivery': mutation(addDelivery),
  'commitments.updateDelivery': mutation(updateDelivery),
  'commitments.removeDelivery': mutation(undoable('commitments.removeDelivery', removeDelivery)),
};

import { agreementUpdate, type Agreement, type AgreementStage } from '../../../../shared/contract/agreements.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { fieldError, notFound } from '../../../../shared/contract/result.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, today, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import { archiveRecord, checkVersion } from '../audit/public.ts';
import { auditHistory } from '../audit/public.ts';
import { readSetting } from '../settings/public.ts';
import { agreementOwnFields, findAgreement, listAgreements } from './queries.ts';
import { similarAgreements } from './similar.ts';

type Fields = CallParsed<'agreements.create'>;

async function mustFind(ctx: Ctx, id: number) {
  const found = await findAgreement(ctx.db, id);
  if (!found) throw notFound('agreement', id);
  return found;
}

/** What the audit log keeps of an agreement: its own fields, not the joined partner. */
function snapshot(a: Agreement) {
  const { partner: _partner, areas: _areas, stages: _stages, ...own } = a;
  return own;
}

async function checkPartner(ctx: Ctx, partnerId: number) {
  const partner = await ctx.db.selectFrom('localities').select(['archived_at']).where('id', '=', partnerId).executeTakeFirst();
  if (!partner) throw fieldError(['partnerId'], 'errors.not_found');
  if (partner.archived_at) throw fieldError(['partnerId'], 'errors.partner_archived');
}

async function checkAreas(ctx: Ctx, areaIds: number[]) {
  if (areaIds.length === 0) return;
  const found = await ctx.db.selectFrom('thematic_areas').select('id').where('id', 'in', areaIds).execute();
  if (found.length !== new Set(areaIds).size) throw fieldError(['areaIds'], 'errors.not_found');
}

function columns(input: Fields) {
  return {
    partner_id: input.partnerId,
    kind: input.kind,
    stage: input.stage,
    letter_of_intent_on: input.letterOfIntentOn,
    signed_on: input.signedOn,
    signed_place: input.signedPlace,
    signatories_ours: input.signatoriesOurs,
    signatories_theirs: input.signatoriesTheirs,
    resolution_number: input.resolutionNumber,
    resolution_on: input.resolutionOn,
    channel: input.channel,
    renewal_on: input.renewalOn,
    expires_on: input.expiresOn,
    ended_on: input.endedOn,
    notes: input.notes,
    search_text: searchKey(input.signedPlace, input.signatoriesOurs, input.signatoriesTheirs, input.resolutionNumber, input.notes),
  };
}

async function replaceAreas(ctx: Ctx, agreementId: number, areaIds: number[]) {
  await ctx.db.deleteFrom('agreement_areas').where('agreement_id', '=', agreementId).execute();
  const unique = [...new Set(areaIds)];
  if (unique.length) {
    await ctx.db
      .insertInto('agreement_areas')
      .values(unique.map((area_id) => ({ agreement_id: agreementId, area_id })))
      .execute();
  }
}

async function recordStage(ctx: Ctx, agreementId: number, stage: AgreementStage, date: string, note: string | null) {
  await ctx.db
    .insertInto('agreement_stages')
    .values({
      agreement_id: agreementId,
      stage,
      effective_on: date,
      note,
      recorded_at: stamp(ctx),
      user_name: await readSetting(ctx.db, 'userName'),
    })
    .execute();
}

/**
 * The day a stage began when the form leaves it empty: the date the agreement
 * already gives for that stage (signed on, letter of intent, ended on; a new
 * agreement typed in as active has been so since its signature), else today.
 * An office typing in an agreement signed in 2015 must not have it reach its
 * stage today: stage dates count as activity (./activity.ts).
 */
function stageDateOf(input: Fields, ctx: Ctx, isNew: boolean): string {
  const implied: Partial<Record<Fields['stage'], string | null>> = {
    letter_of_intent: input.letterOfIntentOn,
    signed: input.signedOn,
    active: isNew ? input.signedOn : null,
    ended: input.endedOn,
  };
  return input.stageDate ?? implied[input.stage] ?? today(ctx);
}

/**
 * Writes a new agreement, its first stage and its audit row; returns its id.
 * A spreadsheet import writes thousands this way without reading each back whole.
 */
export async function insertAgreement(input: Fields, ctx: Ctx, sample: 'real' | 'invented' | null = null): Promise<number> {
  await checkPartner(ctx, input.partnerId);
  await checkAreas(ctx, input.areaIds);
  const at = stamp(ctx);
  const stageDate = stageDateOf(input, ctx, true);
  const row = await ctx.db
    .insertInto('agreements')
    .values({ ...columns(input), stage_since: stageDate, sample, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  const areaIds = [...new Set(input.areaIds)].sort((a, b) => a - b);
  if (areaIds.length)
    await ctx.db
      .insertInto('agreement_areas')
      .values(areaIds.map((area_id) => ({ agreement_id: row.id, area_id })))
      .execute();
  await recordStage(ctx, row.id, input.stage, stageDate, null);
  await ctx.audit('agreement', row.id, 'create', null, agreementOwnFields(row, areaIds));
  return row.id;
}

export async function createAgreement(input: Fields, ctx: Ctx, sample: 'real' | 'invented' | null = null) {
  return mustFind(ctx, await insertAgreement(input, ctx, sample));
}

export async function updateAgreement(input: CallParsed<'agreements.update'>, ctx: Ctx) {
  const before = await mustFind(ctx, input.id);
  checkVersion(before, input.version);
  if (input.partnerId !== before.partnerId) await checkPartner(ctx, input.partnerId);
  await checkAreas(ctx, input.areaIds);
  const stageChanged = input.stage !== before.stage;
  const stageDate = stageChanged ? stageDateOf(input, ctx, false) : before.stageSince;
  await ctx.db
    .updateTable('agreements')
    .set({ ...columns(input), stage_since: stageDate, version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', input.id)
    .execute();
  await replaceAreas(ctx, input.id, input.areaIds);
  if (stageChanged) await recordStage(ctx, input.id, input.stage, stageDate ?? today(ctx), null);
  const after = await mustFind(ctx, input.id);
  await ctx.audit('agreement', input.id, 'update', snapshot(before), snapshot(after));
  return after;
}

/** A stage change is an update of one field, so it obeys every rule the form does. */
export async function changeStage(input: CallParsed<'agreements.changeStage'>, ctx: Ctx) {
  const current = await mustFind(ctx, input.id);
  const next = {
    ...current,
    stage: input.stage,
    stageDate: input.date,
    signedOn: current.signedOn ?? (input.stage === 'signed' ? input.date : null),
    letterOfIntentOn: current.letterOfIntentOn ?? (input.stage === 'letter_of_intent' ? input.date : null),
    endedOn: current.endedOn ?? (input.stage === 'ended' ? input.date : null),
    version: input.version,
  };
  const parsed = agreementUpdate.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fieldError(['stage'], issue?.message ?? 'errors.invalid');
  }
  const after = await updateAgreement(parsed.data, ctx);
  if (input.note) {
    await ctx.db
      .updateTable('agreement_stages')
      .set({ note: input.note })
      .where('agreement_id', '=', input.id)
      .where('id', '=', (eb) => eb.selectFrom('agreement_stages').select(eb.fn.max('id').as('m')).where('agreement_id', '=', input.id))
      .execute();
    return mustFind(ctx, input.id);
  }
  return after;
}

const setArchived =
  (archived: boolean) =>
  async ({ id }: { id: number }, ctx: Ctx) => {
    await archiveRecord(ctx, 'agreements', 'agreement', id, archived, (i) => mustFind(ctx, i).then(snapshot));
    return mustFind(ctx, id);
  };

export const agreementHandlers: Handlers<
  | 'agreements.list'
  | 'agreements.get'
  | 'agreements.similar'
  | 'agreements.create'
  | 'agreements.update'
  | 'agreements.changeStage'
  | 'agreements.archive'
  | 'agreements.restore'
  | 'agreements.history'
> = {
  'agreements.list': (input, ctx) => listAgreements(ctx.db, input),
  'agreements.get': ({ id }, ctx) => mustFind(ctx, id),
  'agreements.similar': (input, ctx) => similarAgreements(ctx.db, input),
  'agreements.create': mutation((input, ctx) => createAgreement(input, ctx)),
  'agreements.update': mutation(updateAgreement),
  'agreements.changeStage': mutation(changeStage),
  'agreements.archive': mutation(undoable('agreements.archive', setArchived(true))),
  'agreements.restore': mutation(setArchived(false)),
  'agreements.history': async ({ id }, ctx) => {
    await mustFind(ctx, id);
    return auditHistory(ctx.db, 'agreement', id);
  },
};

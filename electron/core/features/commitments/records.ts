import type { Commitment } from '../../../../shared/contract/commitments.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import { parseAmount, refusalMessage } from '../../../../shared/amount.ts';
import { fieldError } from '../../../../shared/contract/result.ts';
import { officeLocaleOf } from '../settings/public.ts';
import { stamp, today, type Ctx } from '../../app/context.ts';
import { checkVersion } from '../audit/public.ts';
import { findCommitment } from './queries.ts';

export async function mustFindCommitment(ctx: Ctx, id: number) {
  const found = await findCommitment(ctx.db, id, today(ctx));
  if (!found) throw notFound('commitment', id);
  return found;
}

/** What the audit log keeps: the commitment's own fields; deliveries have their own rows. */
export function commitmentSnapshot(c: Commitment) {
  const { deliveries: _d, deliveredValue: _v, status: _s, partnerName: _p, partnerNativeName: _n, agreementKind: _k, ...own } = c;
  return own;
}

/** Amount text, read the office's region's way, and currency as the two columns; a refusal sits on the value field. */
export async function moneyColumns(ctx: Ctx, m: { value: string | null; currency: string | null }) {
  if (m.value === null || m.currency === null) return { value_minor: null, currency: null };
  const read = parseAmount(m.value, m.currency, await officeLocaleOf(ctx.db));
  if (!read.ok) throw fieldError(['value'], refusalMessage(read.refusal));
  return { value_minor: read.minor, currency: m.currency };
}

/** Writes a change to the commitment row itself and audits it as one update. */
export async function changeCommitment(ctx: Ctx, id: number, expectedVersion: number, change: (before: Commitment) => Promise<object> | object) {
  const before = await mustFindCommitment(ctx, id);
  checkVersion(before, expectedVersion);
  const set = await change(before);
  await ctx.db
    .updateTable('commitments')
    .set({ ...set, version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', id)
    .execute();
  const after = await mustFindCommitment(ctx, id);
  await ctx.audit('commitment', id, 'update', commitmentSnapshot(before), commitmentSnapshot(after));
  return after;
}

import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * What counts as activity under an agreement: dated events only, the day
 * something happened or is set to happen with the partner. Never the time a
 * row was typed in (`created_at`): an office entering last year's work would
 * otherwise see every agreement as active. Each source names where its dates
 * live, which agreement they belong to, and which rows count.
 *
 * Home's quiet agreements and every "last activity" shown are built from this
 * list alone (`activitySince`, `lastActivityOn`, `agreementEvents`).
 */
type EventSource = { from: RawBuilder<unknown>; agreement: RawBuilder<number>; on: RawBuilder<string>; where?: RawBuilder<SqlBool> };

const visitsOf = sql`visit_agreements va JOIN visits v ON v.id = va.visit_id`;
const notCancelled = sql<SqlBool>`v.status <> 'cancelled'`;

const EVENT_SOURCES: readonly EventSource[] = [
  // A visit under the agreement, on its last day (one still under way or to come counts as recent); a cancelled one never happened.
  { from: visitsOf, agreement: sql`va.agreement_id`, on: sql`v.ends_on`, where: notCancelled },
  // Something delivered under one of its commitments.
  { from: sql`deliveries d JOIN commitments c ON c.id = d.commitment_id`, agreement: sql`c.agreement_id`, on: sql`d.delivered_on` },
  // A task done about the agreement, one of its visits or one of its commitments: the day it was done.
  { from: sql`tasks t`, agreement: sql`t.agreement_id`, on: sql`t.completed_on` },
  { from: sql`tasks t JOIN visit_agreements va ON va.visit_id = t.visit_id`, agreement: sql`va.agreement_id`, on: sql`t.completed_on` },
  { from: sql`commitments c JOIN tasks t ON t.commitment_id = c.id`, agreement: sql`c.agreement_id`, on: sql`t.completed_on` },
  // Its stages and the dates of its signature.
  { from: sql`agreement_stages s`, agreement: sql`s.agreement_id`, on: sql`s.effective_on` },
  { from: sql`agreements x`, agreement: sql`x.id`, on: sql`x.letter_of_intent_on` },
  { from: sql`agreements x`, agreement: sql`x.id`, on: sql`x.signed_on` },
  { from: sql`agreements x`, agreement: sql`x.id`, on: sql`x.resolution_on` },
  // An office event about it (a forum, an anniversary ceremony) that was not deleted.
  { from: sql`office_events e`, agreement: sql`e.agreement_id`, on: sql`substr(e.starts_at, 1, 10)`, where: sql<SqlBool>`e.archived_at IS NULL` },
];

const where = (s: EventSource, dateTerm: RawBuilder<SqlBool>) => sql`FROM ${s.from} WHERE ${s.where ?? sql`1`} AND ${dateTerm}`;

/** (agreement_id, on_date) of every event whose date passes `dateTerm`, one SELECT per source. */
const eventsWhere = (dateTerm: (on: RawBuilder<string>) => RawBuilder<SqlBool>) =>
  sql.join(
    // Without an agreement the row is no event of one; a null in the set would also make `NOT (a.id IN …)` unknown for every agreement.
    EVENT_SOURCES.map(
      (s) => sql`SELECT ${s.agreement} AS agreement_id, ${s.on} AS on_date ${where(s, sql<SqlBool>`${s.agreement} IS NOT NULL AND ${dateTerm(s.on)}`)}`,
    ),
    sql` UNION ALL `,
  );

/**
 * True when the agreement `a` (alias in the outer query) has an event on or
 * after `cutoff`, planned ones included. Written as one uncorrelated set, built
 * once per query: a dozen lookups per agreement cost four times as much on an
 * office of 5,000 agreements.
 */
export function activitySince(cutoff: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`a.id IN (SELECT agreement_id FROM (${eventsWhere((on) => sql<SqlBool>`${on} >= ${cutoff}`)}))`;
}

/** The latest event under the agreement `a` up to `today`, or null when it has none; for the few rows shown. */
export function lastActivityOn(today: string): RawBuilder<string | null> {
  // SQLite's max() of several values is null if any is: each term is '' when its source has nothing.
  const terms = EVENT_SOURCES.map((s) => sql`coalesce((SELECT max(${s.on}) ${where(s, sql<SqlBool>`${s.agreement} = a.id AND ${s.on} <= ${today}`)}), '')`);
  return sql<string | null>`nullif(max(${sql.join(terms)}), '')`;
}

/** Every event as (agreement_id, on_date) rows, for a query or a test that needs them all. */
export const agreementEvents: RawBuilder<{ agreement_id: number; on_date: string }> = sql`${eventsWhere((on) => sql<SqlBool>`${on} IS NOT NULL`)}`;

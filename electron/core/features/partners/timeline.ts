import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { TIMELINE_KINDS, type PartnerTimeline, type TimelineItem, type TimelineKind } from '../../../../shared/contract/partners.ts';
import type { AgreementKind, AgreementStage } from '../../../../shared/contract/agreements.ts';
import type { CommitmentKind, Direction } from '../../../../shared/contract/commitments.ts';
import type { TaskStatus } from '../../../../shared/contract/tasks.ts';
import type { VisitDirection, VisitStatus } from '../../../../shared/contract/visits.ts';
import type { DB } from '../../db/schema.ts';
import { partnerAgreementIdsSql, partnerVisitIdsSql } from '../figures/public.ts';

/**
 * Everything dated with one partner as one statement: each source yields the
 * same ten columns, the union is sorted newest first and cut to one page in
 * SQLite, so a partner with thousands of rows costs one page's worth of objects.
 * Columns (named in every source: a filtered union may begin with any of them): kind, id, on_date, end_date,
 * ref_id, code1, code2, text1, text2, num.
 */
type Source = (partnerId: number) => RawBuilder<unknown>;

/** An agreement's own date columns and the stage each one means. Such a row's id is the agreement's. */
const DATED_STAGES = [
  ['letter_of_intent_on', 'letter_of_intent'],
  ['signed_on', 'signed'],
  ['ended_on', 'ended'],
] as const;

const SOURCES: Record<TimelineKind, Source> = {
  // A stage the agreement reached, on the day it took effect; and the dates typed on the agreement itself (an
  // agreement recorded as signed, with the date of its letter of intent) for the stages its history does not hold.
  stage: (p) => sql`SELECT 'stage' AS kind, s.id, s.effective_on AS on_date, NULL AS end_date, s.agreement_id AS ref_id,
      s.stage AS code1, a.kind AS code2, s.note AS text1, NULL AS text2, NULL AS num
    FROM agreement_stages s JOIN agreements a ON a.id = s.agreement_id WHERE s.agreement_id IN ${partnerAgreementIdsSql(p)}
    ${sql.join(
      DATED_STAGES.map(
        ([column, stage]) => sql`UNION ALL SELECT 'stage', a.id, ${sql.ref(`a.${column}`)}, NULL, a.id, ${stage}, a.kind, NULL, NULL, NULL
          FROM agreements a WHERE a.id IN ${partnerAgreementIdsSql(p)} AND ${sql.ref(`a.${column}`)} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM agreement_stages s WHERE s.agreement_id = a.id AND s.stage = ${stage})`,
      ),
      sql` `,
    )}`,
  // A visit either way, held there or under one of its agreements, on the day it began (cancelled ones too, marked so).
  visit: (p) => sql`SELECT 'visit' AS kind, v.id, v.starts_on AS on_date, v.ends_on AS end_date, NULL AS ref_id, v.status AS code1, v.direction AS code2,
      v.purpose AS text1, NULL AS text2, NULL AS num
    FROM visits v WHERE v.id IN ${partnerVisitIdsSql(p)} AND v.archived_at IS NULL`,
  delivery: (p) => sql`SELECT 'delivery' AS kind, d.id, d.delivered_on AS on_date, NULL AS end_date, c.id AS ref_id, c.kind AS code1, c.direction AS code2,
      c.description AS text1, c.unit AS text2, d.quantity AS num
    FROM deliveries d JOIN commitments c ON c.id = d.commitment_id WHERE c.agreement_id IN ${partnerAgreementIdsSql(p)}`,
  // A task about its agreements, visits or commitments: the day it was done, or the day it is due while pending.
  task: (p) => sql`SELECT 'task' AS kind, t.id, CASE WHEN t.status = 'done' THEN coalesce(t.completed_on, t.due_on) ELSE t.due_on END AS on_date,
      NULL AS end_date, NULL AS ref_id, t.status AS code1, NULL AS code2, t.title AS text1, NULL AS text2, NULL AS num
    FROM tasks t WHERE t.status <> 'cancelled' AND (CASE WHEN t.status = 'done' THEN coalesce(t.completed_on, t.due_on) ELSE t.due_on END) IS NOT NULL AND (
      t.agreement_id IN ${partnerAgreementIdsSql(p)}
      OR t.visit_id IN (SELECT v.id FROM visits v WHERE v.id IN ${partnerVisitIdsSql(p)} AND v.archived_at IS NULL)
      OR t.commitment_id IN (SELECT c.id FROM commitments c WHERE c.agreement_id IN ${partnerAgreementIdsSql(p)}))`,
  // An office event about one of its agreements (a forum, an anniversary ceremony).
  event: (p) => sql`SELECT 'event' AS kind, e.id, substr(e.starts_at, 1, 10) AS on_date, NULL AS end_date, e.agreement_id AS ref_id, NULL AS code1,
      NULL AS code2, e.title AS text1, e.starts_at AS text2, e.all_day AS num
    FROM office_events e WHERE e.archived_at IS NULL AND e.agreement_id IN ${partnerAgreementIdsSql(p)}`,
};

const union = (partnerId: number, kinds: readonly TimelineKind[]) =>
  sql.join(
    kinds.map((k) => SOURCES[k](partnerId)),
    sql` UNION ALL `,
  );

/** Same-day rows in the order a story reads back from the newest: what was done, then visits, then agreements. */
const KIND_RANK = sql`CASE kind WHEN 'task' THEN 0 WHEN 'delivery' THEN 1 WHEN 'event' THEN 2 WHEN 'visit' THEN 3 ELSE 4 END`;

/** The union's columns; what code1/code2 hold depends on the kind (see SOURCES), so each is read as its kind's type. */
type Row = {
  kind: TimelineKind;
  id: number;
  on_date: string;
  end_date: string | null;
  /** Set for stages (agreement), deliveries (commitment) and events (agreement): their queries join on it. */
  ref_id: number;
  code1: string;
  code2: string;
  text1: string | null;
  text2: string | null;
  num: number | null;
};

function toItem(r: Row): TimelineItem {
  switch (r.kind) {
    case 'stage':
      return {
        kind: 'stage',
        id: r.id,
        on: r.on_date,
        agreementId: r.ref_id,
        stage: r.code1 as AgreementStage,
        agreementKind: r.code2 as AgreementKind,
        note: r.text1,
      };
    case 'visit':
      return {
        kind: 'visit',
        id: r.id,
        on: r.on_date,
        endsOn: r.end_date ?? r.on_date,
        status: r.code1 as VisitStatus,
        direction: r.code2 as VisitDirection,
        purpose: r.text1 ?? '',
      };
    case 'delivery':
      return {
        kind: 'delivery',
        id: r.id,
        on: r.on_date,
        commitmentId: r.ref_id,
        commitmentKind: r.code1 as CommitmentKind,
        direction: r.code2 as Direction,
        description: r.text1 ?? '',
        unit: r.text2,
        quantity: r.num ?? 0,
      };
    case 'task':
      return { kind: 'task', id: r.id, on: r.on_date, status: r.code1 as TaskStatus, title: r.text1 ?? '' };
    case 'event':
      return { kind: 'event', id: r.id, on: r.on_date, agreementId: r.ref_id, title: r.text1 ?? '', startsAt: r.text2 ?? r.on_date, allDay: r.num === 1 };
  }
}

export async function partnerTimeline(db: Kysely<DB>, q: CallParsed<'partners.timeline'>): Promise<PartnerTimeline> {
  const wanted = q.kinds;
  const kinds: readonly TimelineKind[] = wanted ? TIMELINE_KINDS.filter((k) => wanted.includes(k)) : TIMELINE_KINDS;
  const counted = await sql<{ kind: TimelineKind; n: number }>`SELECT kind, count(*) AS n FROM (${union(q.id, TIMELINE_KINDS)}) GROUP BY kind`.execute(db);
  const counts = Object.fromEntries(TIMELINE_KINDS.map((k) => [k, 0])) as Record<TimelineKind, number>;
  for (const r of counted.rows) counts[r.kind] = r.n;
  const rows = await sql<Row>`SELECT * FROM (${union(q.id, kinds)})
    ORDER BY on_date DESC, ${KIND_RANK}, id DESC, code1 LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
  return { total: kinds.reduce((n, k) => n + counts[k], 0), counts, rows: rows.rows.map(toItem) };
}

import type { Document } from 'docx';
import { emptyNote, figuresTable, heading1, heading2, labelled, para, tableOrNote, type Block } from '../blocks.ts';
import { buildDocument } from '../document.ts';
import type { ReportLocale } from '../format.ts';
import type { ReportAssets } from '../annual/document.ts';
import { sumByCurrency } from '../../../../shared/money.ts';
import { moneyList } from '../costs.ts';
import { signatureBlock } from '../signatures.ts';
import type { CommitmentsStatementData, StatementCommitment, StatementDelivery } from './data.ts';

const OPEN = new Set(['promised', 'partly_delivered', 'overdue']);

const amount = (l: ReportLocale, minor: number | null, currency: string | null) => (minor !== null && currency ? l.money(minor, currency) : '');

/** A beneficiary's native name is read in the partner's language: they are its students or staff. */
function beneficiaryLine(l: ReportLocale, b: StatementDelivery['beneficiaries'][number], country: string) {
  const extra = [b.school, b.tutor ? `${l.t('reports.commitments.tutor')}: ${b.tutor}` : null, b.period, b.destination].filter(Boolean).join(', ');
  return `${l.bothScripts(b.name, b.nativeName, country)}${extra ? ` — ${extra}` : ''}`;
}

/** One commitment: what was promised, and each delivery with its beneficiaries. Shared by the statement and the dossier. */
export function commitmentBlocks(c: StatementCommitment, l: ReportLocale, withPartner: boolean): Block[] {
  const { t } = l;
  const title = `${withPartner ? `${l.bothScripts(c.partnerName, c.partnerNative, c.partnerCountry)} — ` : ''}${t(`commitments.kind.${c.kind}`)}: ${c.description}`;
  const facts: [string, string][] = [
    [t('reports.columns.direction'), t(`commitments.direction.${c.direction}`)],
    [t('reports.columns.status'), t(`commitments.status.${c.status}`)],
    [t('reports.columns.progress'), `${l.number(c.delivered)} / ${l.number(c.quantity)}${c.unit ? ` ${c.unit}` : ''}`],
  ];
  if (c.dueOn) facts.push([t('reports.columns.due'), l.date(c.dueOn)]);
  const value = amount(l, c.valueMinor, c.currency);
  if (value) facts.push([t('reports.columns.value'), value]);
  if (c.deliveredValue.length) facts.push([t('commitments.deliveredValue'), moneyList(l, c.deliveredValue)]);
  const out: Block[] = [heading2(l, title), labelled(l, facts)];
  if (c.cancelReason) out.push(labelled(l, [[t('reports.commitments.cancelReason'), c.cancelReason]]));
  out.push(
    tableOrNote(
      l,
      [
        { title: t('reports.columns.date'), weight: 16 },
        { title: t('reports.columns.quantity'), weight: 12, align: 'right' },
        { title: t('reports.columns.value'), weight: 18, align: 'right' },
        { title: t('reports.columns.beneficiaries'), weight: 54 },
      ],
      c.deliveries.map((d) => [
        l.date(d.deliveredOn),
        l.number(d.quantity),
        amount(l, d.valueMinor, d.currency),
        [d.beneficiaries.map((b) => beneficiaryLine(l, b, c.partnerCountry)).join('\n'), d.notes ?? ''].filter(Boolean).join('\n') || t('common.none'),
      ]),
      t('reports.commitments.noDeliveries'),
    ),
  );
  return out;
}

/**
 * Value promised (not cancelled) and delivered by the statement's date, what the office receives apart from
 * what it gives, each currency apart: adding a donation received to one given would be a wrong number.
 */
function valueLines(d: CommitmentsStatementData, l: ReportLocale): [string, string][] {
  return (['receive', 'give'] as const).flatMap((direction) => {
    const mine = d.commitments.filter((c) => c.direction === direction);
    const promised = sumByCurrency(mine.filter((c) => c.status !== 'cancelled').map((c) => ({ currency: c.currency, minor: c.valueMinor })));
    const delivered = sumByCurrency(mine.flatMap((c) => c.deliveredValue));
    return [
      ...(promised.length ? [[l.t(`reports.commitments.figures.valuePromised_${direction}`), moneyList(l, promised)] as [string, string]] : []),
      ...(delivered.length ? [[l.t(`reports.commitments.figures.valueDelivered_${direction}`), moneyList(l, delivered)] as [string, string]] : []),
    ];
  });
}

export function statementFigures(d: CommitmentsStatementData, l: ReportLocale): [string, string][] {
  const { t, number } = l;
  const count = (pred: (c: StatementCommitment) => boolean) => number(d.commitments.filter(pred).length);
  return [
    [t('reports.commitments.figures.total'), number(d.commitments.length)],
    [t('reports.commitments.figures.open'), count((c) => OPEN.has(c.status))],
    // A subset of the open ones, and said so: "Abiertos 2 / Vencidos 2 / Cumplidos 2" read as six of four.
    [`\u2003${t('reports.commitments.figures.overdue')}`, count((c) => c.status === 'overdue')],
    [t('reports.commitments.figures.delivered'), count((c) => c.status === 'delivered')],
    [t('reports.commitments.figures.cancelled'), count((c) => c.status === 'cancelled')],
    ...valueLines(d, l),
    [
      t('reports.commitments.figures.beneficiaries'),
      number(d.commitments.reduce((n, c) => n + c.deliveries.reduce((m, x) => m + x.beneficiaries.length, 0), 0)),
    ],
  ];
}

export const statementTitle = (d: CommitmentsStatementData, l: ReportLocale) =>
  d.partner
    ? l.t('reports.commitments.titleFor', { partner: l.bothScripts(d.partner.name, d.partner.nativeName, d.partner.country) })
    : l.t('reports.commitments.title');

function statementBody(d: CommitmentsStatementData, l: ReportLocale): Block[] {
  const { t } = l;
  const withPartner = d.partner === null;
  const section = (title: string, list: StatementCommitment[], none: string) => [
    heading1(l, title),
    ...(list.length ? list.flatMap((c) => commitmentBlocks(c, l, withPartner)) : [emptyNote(l, none)]),
  ];
  return [
    heading1(l, t('reports.commitments.summary')),
    para(l, t('reports.commitments.intro', { date: l.date(d.asOf) })),
    figuresTable(l, [t('reports.columns.figure'), t('reports.columns.value')], statementFigures(d, l)),
    ...section(
      t('reports.commitments.open'),
      d.commitments.filter((c) => OPEN.has(c.status)),
      t('reports.commitments.noOpen'),
    ),
    ...section(
      t('reports.commitments.fulfilled'),
      d.commitments.filter((c) => c.status === 'delivered'),
      t('reports.commitments.noFulfilled'),
    ),
    ...section(
      t('reports.commitments.cancelled'),
      d.commitments.filter((c) => c.status === 'cancelled'),
      t('reports.commitments.noCancelled'),
    ),
    ...signatureBlock(l, d.office.signatures),
  ];
}

export function statementDocument(d: CommitmentsStatementData, l: ReportLocale, assets: ReportAssets): Document {
  return buildDocument({
    locale: l,
    title: statementTitle(d, l),
    subtitle: l.t('reports.commitments.subtitle', { date: l.longDate(d.asOf) }),
    officeName: d.office.name,
    localityName: d.office.localityName ? l.bothScripts(d.office.localityName, d.office.localityNative, d.office.localityCountry) : null,
    generatedOn: assets.generatedOn,
    logo: assets.logo,
    houseStyleXml: assets.houseStyleXml,
    contents: true,
    body: statementBody(d, l),
  });
}

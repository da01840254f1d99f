import type { Document } from 'docx';
import { dataTable, emptyNote, figuresTable, heading1, heading2, intro, para, tableOrNote, type Block } from '../blocks.ts';
import { barChart, SERIES_COLORS } from '../chart.ts';
import { costsCell, moneyList } from '../costs.ts';
import { signatureBlock } from '../signatures.ts';
import { partnersMap } from '../map.ts';
import { buildDocument, type ReportLogo } from '../document.ts';
import type { ReportLocale } from '../format.ts';
import { areaName, country, kindName, stageName } from '../labels.ts';
import type { AnnualCommitment, AnnualVisit, VisitPerson } from './activity.ts';
import type { AnnualAgreement, AnnualReportData } from './data.ts';

export type ReportAssets = { logo: ReportLogo | null; houseStyleXml: string | null; generatedOn: string };

/** The summary's figures as label/value pairs, in the report's language: the preview shows the same list. */
export function annualFigures(data: AnnualReportData, l: ReportLocale): [string, string][] {
  const { t, number } = l;
  const f = data.figures;
  return [
    [t('reports.annual.figures.agreementsInForce', { date: l.date(`${data.year}-12-31`) }), number(f.agreementsInForce)],
    [t('reports.annual.figures.partnerCountries'), number(f.partnerCountries)],
    [t('reports.annual.figures.newLettersOfIntent'), number(f.newLettersOfIntent)],
    [t('reports.annual.figures.newSignatures'), number(f.newSignatures)],
    [t('reports.annual.figures.visitsReceived'), number(f.visitsReceived)],
    [t('reports.annual.figures.peopleReceived'), number(f.peopleReceived)],
    [t('reports.annual.figures.visitsMade'), number(f.visitsMade)],
    [t('reports.annual.figures.peopleTravelled'), number(f.peopleTravelled)],
    [t('reports.annual.figures.scholarshipsAwarded'), number(f.scholarshipsAwarded)],
    ...data.activity.donations.map((d): [string, string] => [t(`reports.annual.figures.donations_${d.direction}`), moneyList(l, d.totals)]),
    // Each payer on its own line and each currency apart: adding soles to yuan, or the office's spending to the partner's, would be a wrong number.
    ...(['office', 'others'] as const)
      .filter((payer) => data.activity.visitCosts[payer].length > 0)
      .map((payer): [string, string] => [
        t(`reports.annual.figures.costs${payer === 'office' ? 'Office' : 'Others'}`),
        moneyList(l, data.activity.visitCosts[payer]),
      ]),
    [t('reports.annual.figures.tasksCompleted'), number(f.tasksCompleted)],
    [t('reports.annual.figures.tasksOpen', { date: l.date(`${data.year}-12-31`) }), number(f.tasksOpen)],
  ];
}

function commitmentsByKind(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const lines = data.activity.byKind;
  return [
    heading2(l, t('reports.annual.byKind.title')),
    tableOrNote(
      l,
      [
        { title: t('reports.columns.kind'), weight: 30 },
        { title: t('reports.columns.direction'), weight: 19 },
        { title: t('reports.columns.commitments'), weight: 17, align: 'right' },
        { title: t('reports.columns.promised'), weight: 16, align: 'right' },
        { title: t('reports.columns.deliveredInYear'), weight: 18, align: 'right' },
      ],
      lines.map((k) => [
        t(`commitments.kind.${k.kind}`),
        t(`commitments.direction.${k.direction}`),
        l.number(k.commitments),
        l.number(k.promised),
        l.number(k.delivered),
      ]),
      t('reports.annual.byKind.none', { year: data.year }),
    ),
  ];
}

const personName = (l: ReportLocale, p: VisitPerson) => `${l.bothScripts(p.name, p.nativeName, p.country)} (${l.t(`visits.role.${p.role}`)})`;

function visitTable(list: AnnualVisit[], l: ReportLocale): Block {
  const { t } = l;
  return dataTable(
    l,
    [
      { title: t('reports.columns.dates'), weight: 14 },
      { title: t('reports.columns.partnerPlace'), weight: 16 },
      { title: t('reports.columns.purpose'), weight: 18 },
      { title: t('reports.columns.participants'), weight: 21 },
      { title: t('reports.columns.outcomes'), weight: 17 },
      { title: t('reports.columns.costs'), weight: 14 },
    ],
    list.map((v) => [
      (v.startsOn === v.endsOn ? l.date(v.startsOn) : `${l.date(v.startsOn)} –\n${l.date(v.endsOn)}`) +
        (v.status === 'done' ? '' : `\n(${t(`visits.status.${v.status}`)})`),
      [
        ...v.partners.map((p) => l.bothScripts(p.name, p.nativeName, p.country)),
        ...(v.place && !v.partners.some((p) => p.name === v.place?.name) ? [l.bothScripts(v.place.name, v.place.nativeName, v.place.country)] : []),
      ].join('\n'),
      v.purpose,
      v.participants.length
        ? `${v.participants.map((p) => personName(l, p)).join('\n')}\n${t('reports.annual.visits.people', { count: v.people })}`
        : t('common.none'),
      v.outcomes.join('\n') || t('common.none'),
      costsCell(l, v.costs),
    ]),
  );
}

function visits(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const out: Block[] = [heading1(l, t('reports.annual.visits.title'))];
  if (data.visitsToCome > 0) out.push(intro(l, t('reports.annual.visits.toCome', { count: data.visitsToCome })));
  for (const direction of ['inbound', 'outbound'] as const) {
    const list = data.activity.visits.filter((v) => v.direction === direction);
    out.push(heading2(l, t(`reports.annual.visits.${direction}`)));
    out.push(list.length ? visitTable(list, l) : emptyNote(l, t(`reports.annual.visits.none_${direction}`, { year: data.year })));
  }
  return out;
}

/** "3 / 6 becas (50 %)"; the space before % does not break, so a narrow column never leaves "%" alone on a line. */
const progress = (l: ReportLocale, done: number, of: number, unit: string | null) =>
  `${l.number(done)} / ${l.number(of)}${unit ? ` ${unit}` : ''} (${l.number(Math.round((100 * Math.min(done, of)) / of))}\u00a0%)`;

function commitmentTable(list: AnnualCommitment[], l: ReportLocale): Block {
  const { t } = l;
  return dataTable(
    l,
    [
      { title: t('reports.columns.partner'), weight: 20 },
      { title: t('reports.columns.kind'), weight: 18 },
      { title: t('reports.columns.description'), weight: 30 },
      { title: t('reports.columns.due'), weight: 13 },
      { title: t('reports.columns.progress'), weight: 19, align: 'right' },
    ],
    list.map((c) => [
      l.bothScripts(c.partnerName, c.partnerNative, c.partnerCountry),
      `${t(`commitments.kind.${c.kind}`)}\n${t(`commitments.direction.${c.direction}`)}`,
      c.description,
      l.date(c.dueOn),
      progress(l, c.deliveredByYearEnd, c.quantity, c.unit),
    ]),
  );
}

function commitments(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const list = data.activity.commitments;
  return [
    heading1(l, t('reports.annual.commitments.title')),
    ...(list.length
      ? [intro(l, t('reports.annual.commitments.intro', { year: data.year })), commitmentTable(list, l)]
      : [emptyNote(l, t('reports.annual.commitments.none', { year: data.year }))]),
  ];
}

function pending(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const next = data.year + 1;
  const { pendingCommitments, pendingCommitmentsTotal, pendingTasks, tasksOpenAtYearEnd } = data.activity;
  const out: Block[] = [heading1(l, t('reports.annual.pending.title', { year: next })), heading2(l, t('reports.annual.pending.commitments'))];
  out.push(pendingCommitments.length ? commitmentTable(pendingCommitments, l) : emptyNote(l, t('reports.annual.pending.noCommitments', { year: data.year })));
  if (pendingCommitmentsTotal > pendingCommitments.length)
    out.push(para(l, t('reports.annual.pending.moreCommitments', { shown: l.number(pendingCommitments.length), total: l.number(pendingCommitmentsTotal) })));
  out.push(heading2(l, t('reports.annual.pending.tasks')));
  if (pendingTasks.length === 0) return [...out, emptyNote(l, t('reports.annual.pending.noTasks', { year: data.year }))];
  out.push(
    dataTable(
      l,
      [
        { title: t('reports.columns.task'), weight: 50 },
        { title: t('reports.columns.due'), weight: 18 },
        { title: t('reports.columns.assignee'), weight: 20 },
        { title: t('reports.columns.priority'), weight: 12 },
      ],
      pendingTasks.map((k) => [k.title, l.date(k.dueOn) || t('common.none'), k.assignee ?? '', t(`tasks.priority.${k.priority}`)]),
    ),
  );
  if (tasksOpenAtYearEnd > pendingTasks.length)
    out.push(para(l, t('reports.annual.pending.moreTasks', { shown: l.number(pendingTasks.length), total: l.number(tasksOpenAtYearEnd) })));
  return out;
}

function agreementsByCountry(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const out: Block[] = [heading1(l, t('reports.annual.agreements.title'))];
  if (data.agreements.length === 0) return [...out, emptyNote(l, t('reports.annual.agreements.none', { year: data.year }))];
  out.push(...partnersMap(l, data.map));
  out.push(intro(l, t('reports.annual.agreements.intro', { year: data.year })));
  const groups = new Map<string, AnnualAgreement[]>();
  for (const a of data.agreements) groups.set(a.country, [...(groups.get(a.country) ?? []), a]);
  const collator = new Intl.Collator(l.tag);
  const countries = [...groups].sort(([x, xs], [y, ys]) => ys.length - xs.length || collator.compare(country(l, x), country(l, y)));
  for (const [code, agreements] of countries) {
    const list = agreements.sort((x, y) => collator.compare(x.partnerName, y.partnerName));
    out.push(heading2(l, `${country(l, code)} (${l.number(list.length)})`));
    out.push(
      dataTable(
        l,
        [
          { title: t('reports.columns.partner'), weight: 34 },
          { title: t('reports.columns.kind'), weight: 20 },
          { title: t('reports.columns.stageAtYearEnd'), weight: 18 },
          { title: t('reports.columns.letterOfIntent'), weight: 14 },
          { title: t('reports.columns.signed'), weight: 14 },
        ],
        list.map((a) => [
          l.bothScripts(a.partnerName, a.partnerNative, a.country),
          kindName(l, a.kind),
          stageName(l, a.stageAtYearEnd),
          l.date(a.letterOfIntentOn),
          l.date(a.signedOn),
        ]),
      ),
    );
  }
  return out;
}

function newAgreements(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const table = (list: AnnualAgreement[], dateOf: (a: AnnualAgreement) => string | null, dateTitle: string) =>
    dataTable(
      l,
      [
        { title: t('reports.columns.partner'), weight: 40 },
        { title: t('reports.columns.country'), weight: 20 },
        { title: t('reports.columns.kind'), weight: 22 },
        { title: dateTitle, weight: 18 },
      ],
      [...list]
        .sort((x, y) => (dateOf(x) ?? '').localeCompare(dateOf(y) ?? ''))
        .map((a) => [l.bothScripts(a.partnerName, a.partnerNative, a.country), country(l, a.country), kindName(l, a.kind), l.date(dateOf(a))]),
    );
  return [
    heading1(l, t('reports.annual.new.title', { year: data.year })),
    heading2(l, t('reports.annual.new.letters')),
    data.newLettersOfIntent.length
      ? table(data.newLettersOfIntent, (a) => a.letterOfIntentOn, t('reports.columns.date'))
      : emptyNote(l, t('reports.annual.new.noLetters', { year: data.year })),
    heading2(l, t('reports.annual.new.signatures')),
    data.newSignatures.length
      ? table(data.newSignatures, (a) => a.signedOn, t('reports.columns.date'))
      : emptyNote(l, t('reports.annual.new.noSignatures', { year: data.year })),
  ];
}

function areas(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const out: Block[] = [heading1(l, t('reports.annual.areas.title'))];
  if (data.areas.length === 0) return [...out, emptyNote(l, t('reports.annual.areas.none', { year: data.year }))];
  out.push(intro(l, t('reports.annual.areas.intro', { year: data.year })));
  out.push(
    ...barChart(l, {
      series: [
        { label: t('reports.annual.areas.agreements'), color: SERIES_COLORS[0] },
        { label: t('reports.annual.areas.visits'), color: SERIES_COLORS[1] },
        { label: t('reports.annual.areas.commitments'), color: SERIES_COLORS[2] },
      ],
      rows: data.areas.map((a) => ({ label: areaName(l, a), values: [a.agreements, a.visits, a.commitments] })),
      columns: [t('reports.columns.area'), t('reports.columns.activity'), t('reports.columns.total')],
      number: l.number,
    }),
  );
  return out;
}

export function annualBody(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  return [
    heading1(l, t('reports.annual.summary.title')),
    // The office's name is on the cover and every page's header; named here it would need an article only the office knows.
    intro(l, t('reports.annual.summary.intro', { year: data.year })),
    intro(l, t('reports.annual.rule', { year: data.year })),
    figuresTable(l, [t('reports.columns.figure'), t('reports.columns.value')], annualFigures(data, l)),
    ...commitmentsByKind(data, l),
    ...agreementsByCountry(data, l),
    ...newAgreements(data, l),
    ...visits(data, l),
    ...commitments(data, l),
    ...areas(data, l),
    ...pending(data, l),
    ...signatureBlock(l, data.office.signatures),
  ];
}

export function annualDocument(data: AnnualReportData, l: ReportLocale, assets: ReportAssets): Document {
  return buildDocument({
    locale: l,
    title: l.t('reports.annual.title', { year: data.year }),
    subtitle: l.t('reports.annual.subtitle', { year: data.year }),
    officeName: data.office.name,
    localityName: data.office.localityName ? l.bothScripts(data.office.localityName, data.office.localityNative, data.office.localityCountry) : null,
    generatedOn: assets.generatedOn,
    logo: assets.logo,
    houseStyleXml: assets.houseStyleXml,
    contents: true,
    body: annualBody(data, l),
  });
}

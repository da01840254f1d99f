import { moneyList } from '../costs.ts';
import { signatureBlock } from '../signatures.ts';
import type { Document } from 'docx';
import { boldCell, bullet, dataTable, emptyNote, heading1, para, tableOrNote, type Block } from '../blocks.ts';
import { buildDocument } from '../document.ts';
import type { ReportLocale } from '../format.ts';
import { country } from '../labels.ts';
import type { ReportAssets } from '../annual/document.ts';
import type { TripReportData } from './data.ts';

const dates = (l: ReportLocale, from: string, to: string) => (from === to ? l.longDate(from) : `${l.longDate(from)} – ${l.longDate(to)}`);

export function tripTitle(d: TripReportData, l: ReportLocale) {
  const v = d.visit;
  const where = v.locality
    ? l.bothScripts(v.locality.name, v.locality.nativeName, v.locality.country)
    : v.agreements[0]
      ? l.bothScripts(v.agreements[0].partnerName, v.agreements[0].partnerNativeName, d.countries.agreements.get(v.agreements[0].id))
      : '';
  return l.t(`reports.visit.title_${v.direction}`, { place: where || l.t('common.none') });
}

export function tripFigures(d: TripReportData, l: ReportLocale): [string, string][] {
  const { t, number } = l;
  const v = d.visit;
  return [
    [t('reports.columns.dates'), dates(l, v.startsOn, v.endsOn)],
    [t('reports.columns.status'), t(`visits.status.${v.status}`)],
    [t('reports.columns.participants'), number(v.participants.length)],
    [t('reports.columns.outcomes'), number(v.outcomes.length)],
    [t('reports.visit.costsOffice'), moneyList(l, v.costTotals.office) || t('common.none')],
    [t('reports.visit.costsOthers'), moneyList(l, v.costTotals.others) || t('common.none')],
    [t('reports.visit.tasks'), number(v.tasks.length)],
  ];
}

function body(d: TripReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const v = d.visit;
  const out: Block[] = [heading1(l, t('reports.visit.summary'))];
  const facts: [string, string][] = [
    [t('reports.columns.direction'), t(`visits.directionLong.${v.direction}`)],
    [t('reports.columns.dates'), dates(l, v.startsOn, v.endsOn)],
    [t('reports.columns.status'), t(`visits.status.${v.status}`)],
  ];
  if (v.locality)
    facts.push([
      t('reports.visit.place'),
      `${l.bothScripts(v.locality.name, v.locality.nativeName, v.locality.country)}, ${country(l, v.locality.country)}${v.venue ? ` — ${v.venue}` : ''}`,
    ]);
  if (v.agreements.length)
    facts.push([
      t('reports.visit.agreements'),
      v.agreements.map((a) => `${l.bothScripts(a.partnerName, a.partnerNativeName, d.countries.agreements.get(a.id))} (${t(`kind.${a.kind}`)})`).join('; '),
    ]);
  out.push(
    dataTable(
      l,
      [
        { title: t('reports.columns.figure'), weight: 28 },
        { title: t('reports.columns.value'), weight: 72 },
      ],
      facts,
    ),
  );
  out.push(heading1(l, t('reports.columns.purpose')), para(l, v.purpose));

  out.push(heading1(l, t('reports.columns.participants')));
  out.push(
    tableOrNote(
      l,
      [
        { title: t('reports.visit.name'), weight: 32 },
        { title: t('reports.visit.role'), weight: 22 },
        { title: t('reports.visit.titleOrg'), weight: 46 },
      ],
      v.participants.map((p) => [
        l.bothScripts(p.name, p.nativeName, d.countries.contacts.get(p.contactId)),
        t(`visits.role.${p.role}`),
        [p.title, p.organisation].filter(Boolean).join(', '),
      ]),
      t('reports.visit.noParticipants'),
    ),
  );

  out.push(heading1(l, t('reports.visit.agenda')));
  out.push(
    tableOrNote(
      l,
      [
        { title: t('reports.columns.date'), weight: 20 },
        { title: t('reports.visit.place'), weight: 22 },
        { title: t('reports.visit.what'), weight: 36 },
        { title: t('reports.visit.withWhom'), weight: 22 },
      ],
      v.agenda.map((a) => [`${l.date(a.onDate)}${a.atTime ? ` ${a.atTime}` : ''}`, a.place ?? '', a.what, a.withWhom ?? '']),
      t('reports.visit.noAgenda'),
    ),
  );

  out.push(heading1(l, t('reports.columns.outcomes')));
  if (v.outcomes.length) out.push(...v.outcomes.map((o) => bullet(l, o.text)));
  else out.push(emptyNote(l, t('reports.visit.noOutcomes')));

  out.push(heading1(l, t('reports.visit.costs')));
  if (v.costs.length) {
    out.push(
      dataTable(
        l,
        [
          { title: t('reports.visit.item'), weight: 44 },
          { title: t('reports.visit.paidBy'), weight: 26 },
          { title: t('reports.columns.value'), weight: 30, align: 'right' },
        ],
        [
          ...v.costs.map((c) => [c.item, t(`visits.paidBy.${c.paidBy}`), l.money(c.amountMinor, c.currency)]),
          // The visit screen's totals (features/figures/visits.ts): the office's apart from the others', each currency apart.
          ...(['office', 'others'] as const).flatMap((payer) =>
            v.costTotals[payer].map((m) => [boldCell(t(`visits.costTotals.${payer}`)), '', boldCell(l.money(m.minor, m.currency), 'right')]),
          ),
        ],
      ),
    );
  } else out.push(emptyNote(l, t('reports.visit.noCosts')));

  if (v.gifts.length) {
    out.push(heading1(l, t('reports.visit.gifts')));
    out.push(
      dataTable(
        l,
        [
          { title: t('reports.columns.direction'), weight: 18 },
          { title: t('reports.visit.what'), weight: 40 },
          { title: t('reports.visit.counterpart'), weight: 22 },
          { title: t('reports.columns.value'), weight: 20, align: 'right' },
        ],
        v.gifts.map((g) => [
          t(`visits.giftDirection.${g.direction}`),
          g.what,
          g.counterpart ?? '',
          g.valueMinor !== null && g.currency ? l.money(g.valueMinor, g.currency) : '',
        ]),
      ),
    );
  }

  out.push(heading1(l, t('reports.visit.tasks')));
  out.push(
    tableOrNote(
      l,
      [
        { title: t('reports.columns.task'), weight: 44 },
        { title: t('reports.columns.due'), weight: 18 },
        { title: t('reports.columns.assignee'), weight: 20 },
        { title: t('reports.columns.status'), weight: 18 },
      ],
      v.tasks.map((k) => [k.title, l.date(k.dueOn), k.assignee ?? '', t(`tasks.status.${k.status}`)]),
      t('reports.visit.noTasks'),
    ),
  );
  if (v.notes) out.push(heading1(l, t('fields.notes')), para(l, v.notes));
  return out;
}

export function tripDocument(d: TripReportData, l: ReportLocale, assets: ReportAssets): Document {
  return buildDocument({
    locale: l,
    title: tripTitle(d, l),
    subtitle: `${d.visit.purpose} — ${dates(l, d.visit.startsOn, d.visit.endsOn)}`,
    officeName: d.office.name,
    localityName: d.office.localityName ? l.bothScripts(d.office.localityName, d.office.localityNative, d.office.localityCountry) : null,
    generatedOn: assets.generatedOn,
    logo: assets.logo,
    houseStyleXml: assets.houseStyleXml,
    contents: false,
    body: [...body(d, l), ...signatureBlock(l, d.office.signatures)],
  });
}

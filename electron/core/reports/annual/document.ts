import type { Document } from 'docx';
import { dataTable, emptyNote, figuresTable, heading1, heading2, para, type Block } from '../blocks.ts';
import { barChart, SERIES_COLORS } from '../chart.ts';
import { buildDocument, type ReportLogo } from '../document.ts';
import type { ReportLocale } from '../format.ts';
import { areaName, country, kindName, stageName } from '../labels.ts';
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
  ];
}

function agreementsByCountry(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const out: Block[] = [heading1(t('reports.annual.agreements.title'))];
  if (data.agreements.length === 0) return [...out, emptyNote(t('reports.annual.agreements.none', { year: data.year }))];
  out.push(para(t('reports.annual.agreements.intro', { year: data.year })));
  const groups = new Map<string, AnnualAgreement[]>();
  for (const a of data.agreements) groups.set(a.country, [...(groups.get(a.country) ?? []), a]);
  const collator = new Intl.Collator(l.tag);
  const countries = [...groups.keys()].sort((x, y) => groups.get(y)!.length - groups.get(x)!.length || collator.compare(country(l, x), country(l, y)));
  for (const code of countries) {
    const list = groups.get(code)!.sort((x, y) => collator.compare(x.partnerName, y.partnerName));
    out.push(heading2(`${country(l, code)} (${l.number(list.length)})`));
    out.push(
      dataTable(
        [
          { title: t('reports.columns.partner'), weight: 34 },
          { title: t('reports.columns.kind'), weight: 20 },
          { title: t('reports.columns.stageAtYearEnd'), weight: 18 },
          { title: t('reports.columns.letterOfIntent'), weight: 14 },
          { title: t('reports.columns.signed'), weight: 14 },
        ],
        list.map((a) => [l.bothScripts(a.partnerName, a.partnerNative), kindName(l, a.kind), stageName(l, a.stageAtYearEnd), l.date(a.letterOfIntentOn), l.date(a.signedOn)]),
      ),
    );
  }
  return out;
}

function newAgreements(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const table = (list: AnnualAgreement[], dateOf: (a: AnnualAgreement) => string | null, dateTitle: string) =>
    dataTable(
      [
        { title: t('reports.columns.partner'), weight: 40 },
        { title: t('reports.columns.country'), weight: 20 },
        { title: t('reports.columns.kind'), weight: 22 },
        { title: dateTitle, weight: 18 },
      ],
      [...list]
        .sort((x, y) => (dateOf(x) ?? '').localeCompare(dateOf(y) ?? ''))
        .map((a) => [l.bothScripts(a.partnerName, a.partnerNative), country(l, a.country), kindName(l, a.kind), l.date(dateOf(a))]),
    );
  return [
    heading1(t('reports.annual.new.title', { year: data.year })),
    heading2(t('reports.annual.new.letters')),
    data.newLettersOfIntent.length
      ? table(data.newLettersOfIntent, (a) => a.letterOfIntentOn, t('reports.columns.date'))
      : emptyNote(t('reports.annual.new.noLetters', { year: data.year })),
    heading2(t('reports.annual.new.signatures')),
    data.newSignatures.length ? table(data.newSignatures, (a) => a.signedOn, t('reports.columns.date')) : emptyNote(t('reports.annual.new.noSignatures', { year: data.year })),
  ];
}

function areas(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  const out: Block[] = [heading1(t('reports.annual.areas.title'))];
  if (data.areas.length === 0) return [...out, emptyNote(t('reports.annual.areas.none', { year: data.year }))];
  out.push(para(t('reports.annual.areas.intro', { year: data.year })));
  out.push(
    ...barChart({
      series: [
        { label: t('reports.annual.areas.inForce'), color: SERIES_COLORS[0]! },
        { label: t('reports.annual.areas.new'), color: SERIES_COLORS[1]! },
      ],
      rows: data.areas.map((a) => ({ label: areaName(l, a), values: [a.continuing, a.newAgreements] })),
      columns: [t('reports.columns.area'), t('reports.columns.activity'), t('reports.columns.total')],
      number: l.number,
    }),
  );
  return out;
}

export function annualBody(data: AnnualReportData, l: ReportLocale): Block[] {
  const { t } = l;
  return [
    heading1(t('reports.annual.summary.title')),
    para(t('reports.annual.summary.intro', { year: data.year, office: data.office.name || t('reports.doc.noOffice') })),
    figuresTable([t('reports.columns.figure'), t('reports.columns.value')], annualFigures(data, l)),
    ...agreementsByCountry(data, l),
    ...newAgreements(data, l),
    ...areas(data, l),
  ];
}

export function annualDocument(data: AnnualReportData, l: ReportLocale, assets: ReportAssets): Document {
  return buildDocument({
    locale: l,
    title: l.t('reports.annual.title', { year: data.year }),
    subtitle: l.t('reports.annual.subtitle', { year: data.year }),
    officeName: data.office.name,
    localityName: data.office.localityName ? l.bothScripts(data.office.localityName, data.office.localityNative) : null,
    generatedOn: assets.generatedOn,
    logo: assets.logo,
    houseStyleXml: assets.houseStyleXml,
    contents: true,
    body: annualBody(data, l),
  });
}

import { Packer, type Document } from 'docx';
import type { Kysely } from 'kysely';
import type { ReportKind, ReportPreview, ReportRequest } from '../../../shared/contract/reports.ts';
import { fieldError } from '../../../shared/contract/result.ts';
import type { DB } from '../db/schema.ts';
import { dossierDocument, dossierFigures } from './agreement/document.ts';
import { loadAgreementDossier } from './agreement/data.ts';
import { annualDocument, annualFigures, type ReportAssets } from './annual/document.ts';
import { loadAnnualReport } from './annual/data.ts';
import { loadAssetsForDocument } from './assets.ts';
import { loadCommitmentsStatement } from './commitments/data.ts';
import { statementDocument, statementFigures, statementTitle } from './commitments/document.ts';
import { loadTripReport } from './visit/data.ts';
import { tripDocument, tripFigures, tripTitle } from './visit/document.ts';
import { reportLocale, type ReportLocale } from './format.ts';
import { checkCancelled, noJob, type JobControl } from '../app/job.ts';
import { readSettings, regionOf } from '../features/settings/store.ts';
import { officeLocale } from '../../../shared/region.ts';
import { safeFileName } from '../files/names.ts';

// One entry per report: how to load its data, which figures the preview shows,
// how to lay out the document and what to call the file. Data and document are
// separate steps so the screen, the tests and the benchmark can use either alone.

type Request<K extends ReportKind> = Extract<ReportRequest, { kind: K }>;

type ReportDefinition<K extends ReportKind, D> = {
  /** `today` is the office's date: commitment statuses (overdue) and "as of" lines depend on it. */
  load(db: Kysely<DB>, request: Request<K>, today: string): Promise<D>;
  title(data: D, l: ReportLocale): string;
  figures(data: D, l: ReportLocale): [string, string][];
  document(data: D, l: ReportLocale, assets: ReportAssets): Document;
  fileName(data: D, l: ReportLocale): string;
};

const define = <K extends ReportKind, D>(def: ReportDefinition<K, D>) => def;

export const REPORTS = {
  annual: define<'annual', Awaited<ReturnType<typeof loadAnnualReport>>>({
    load: (db, r, today) => loadAnnualReport(db, r.year, today),
    title: (d, l) => l.t('reports.annual.title', { year: d.year }),
    figures: annualFigures,
    document: annualDocument,
    fileName: (d, l) => `${l.t('reports.annual.title', { year: d.year })}.docx`,
  }),
  agreement: define<'agreement', Awaited<ReturnType<typeof loadAgreementDossier>>>({
    load: (db, r, today) => loadAgreementDossier(db, r.id, today),
    title: (d, l) =>
      `${l.t('reports.agreement.title')} — ${l.bothScripts(d.agreement.partner.name, d.agreement.partner.nativeName, d.agreement.partner.country)}`,
    figures: dossierFigures,
    document: dossierDocument,
    fileName: (d, l) => `${l.t('reports.agreement.title')} ${d.agreement.partner.name}.docx`,
  }),
  visit: define<'visit', Awaited<ReturnType<typeof loadTripReport>>>({
    load: (db, r) => loadTripReport(db, r.id),
    title: tripTitle,
    figures: tripFigures,
    document: tripDocument,
    fileName: (d, l) => `${tripTitle(d, l)} ${d.visit.startsOn}.docx`,
  }),
  commitments: define<'commitments', Awaited<ReturnType<typeof loadCommitmentsStatement>>>({
    load: (db, r, today) => {
      if (r.asAt !== undefined && r.asAt > today) throw fieldError(['asAt'], 'reportsErrors.as_at_future');
      return loadCommitmentsStatement(db, r.partnerId, r.asAt ?? today);
    },
    title: statementTitle,
    figures: statementFigures,
    document: statementDocument,
    fileName: (d, l) => `${d.partner ? l.t('reports.commitments.titleFor', { partner: d.partner.name }) : l.t('reports.commitments.title')} ${d.asOf}.docx`,
  }),
};

function definition(kind: ReportKind): ReportDefinition<ReportKind, unknown> {
  return REPORTS[kind] as unknown as ReportDefinition<ReportKind, unknown>;
}

/**
 * The one place a report's locale is chosen: its language's words with the
 * office's region (a report in English for a partner still writes the office's
 * 12.400,50), unless the request names another country.
 */
export async function localeFor(db: Kysely<DB>, request: ReportRequest): Promise<ReportLocale> {
  const country = request.region ?? (await regionOf(db, await readSettings(db))).country;
  return reportLocale(request.language, officeLocale(request.language, country));
}

export async function previewReport(db: Kysely<DB>, request: ReportRequest, today: string): Promise<ReportPreview> {
  const def = definition(request.kind);
  const l = await localeFor(db, request);
  const data = await def.load(db, request, today);
  return { title: def.title(data, l), figures: def.figures(data, l).map(([label, value]) => ({ label, value })) };
}

/**
 * The finished .docx: data loaded, laid out in the request's language, packed. Each of the
 * three steps is one step of the progress bar; a cancel is honoured between them.
 */
export async function renderReport(
  db: Kysely<DB>,
  request: ReportRequest,
  generatedOn: string,
  job: JobControl = noJob(),
): Promise<{ fileName: string; bytes: Buffer }> {
  const def = definition(request.kind);
  const l = await localeFor(db, request);
  const step = (done: number) => {
    checkCancelled(job);
    job.onProgress(done, 3);
  };
  step(0);
  const data = await def.load(db, request, generatedOn);
  step(1);
  const assets = { ...(await loadAssetsForDocument(db)), generatedOn };
  const document = def.document(data, l, assets);
  step(2);
  const bytes = await Packer.toBuffer(document);
  step(3);
  return { fileName: safeFileName(def.fileName(data, l), 'report'), bytes };
}

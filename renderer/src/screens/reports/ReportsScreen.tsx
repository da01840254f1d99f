import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ReportRegionField } from './ReportRegionField.tsx';
import { LANGUAGES, type Language } from '../../../../shared/contract/settings.ts';
import { REPORT_KINDS, reportRequest, type ReportFile, type ReportKind, type ReportRequest } from '../../../../shared/contract/reports.ts';
import { call, useCall, useJob } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { failureMessage, Field, FormMessage, useAction } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';
import { ReportAssetsPanel } from './ReportAssetsPanel.tsx';
import { RecordPicker } from '../../components/RecordPicker.tsx';
import './reports.css';

const LANGUAGE_NAMES: Record<Language, string> = { es: 'Español', pt: 'Português', en: 'English' };
const desktop = typeof window !== 'undefined' && !!window.twinning;

/** Turns the bytes the server sent into a download, as `npm run web` has no save dialog. */
function download(file: Extract<ReportFile, { delivered: 'bytes' }>) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Params = { kind: ReportKind; year: string; agreementId: string; visitId: string; partnerId: string; asAt: string; language: Language; region: string };

function candidateRequest(p: Params) {
  switch (p.kind) {
    case 'annual':
      return { kind: p.kind, year: Number(p.year), language: p.language };
    case 'agreement':
      return { kind: p.kind, id: Number(p.agreementId), language: p.language };
    case 'visit':
      return { kind: p.kind, id: Number(p.visitId), language: p.language };
    case 'commitments':
      return { kind: p.kind, ...(p.partnerId ? { partnerId: Number(p.partnerId) } : {}), ...(p.asAt ? { asAt: p.asAt } : {}), language: p.language };
  }
}

function toRequest(p: Params): ReportRequest | null {
  const candidate = { ...candidateRequest(p), ...(p.region ? { region: p.region } : {}) };
  const parsed = reportRequest.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export function ReportsScreen() {
  const { t, language } = useLocale();
  // A partner's page links here with the report chosen (?kind=agreement&agreement=ID, ?kind=commitments&partner=ID).
  const [search] = useSearchParams();
  const [params, setParams] = useState<Params>(() => {
    const kind = REPORT_KINDS.find((k) => k === search.get('kind')) ?? 'annual';
    const id = (key: string) => String(Number(search.get(key)) || '');
    return {
      kind,
      year: String(new Date().getFullYear()),
      agreementId: id('agreement'),
      visitId: id('visit'),
      partnerId: id('partner'),
      asAt: '',
      language,
      region: '',
    };
  });
  const job = useJob();
  const { message, setMessage, busy, act } = useAction();
  const [result, setResult] = useState<ReportFile | null>(null);
  const request = useMemo(() => toRequest(params), [params]);
  const preview = useCall('reports.preview', request ?? { kind: 'annual', year: 2000, language: 'es' }, { enabled: request !== null, retry: false });
  const set = (patch: Partial<Params>) => {
    setParams((p) => ({ ...p, ...patch }));
    setResult(null);
    setMessage(null);
  };

  const yearError = params.kind === 'annual' && request === null ? 'errors.invalid' : undefined;
  // A date after today is refused by the call; its message shows beside the field.
  const asAtError = params.kind === 'commitments' && preview.error ? failureMessage(preview.error) : undefined;

  const generate = async () => {
    if (!request) return;
    setResult(null);
    await act(async () => {
      const file = await job.run('reports.generate', { report: request, target: desktop ? 'save' : 'download' });
      if (file.delivered === 'bytes') download(file);
      setResult(file);
    });
  };

  const open = (path: string) => act(() => call('reports.open', { path }));

  return (
    <section className="screen form-screen reports-screen">
      <header className="screen-header">
        <h1>{t('reports.screen.title')}</h1>
      </header>
      <div className="panel">
        <div className="grid">
          <Field name="report-kind" label={t('reports.screen.report')}>
            <select id="report-kind" value={params.kind} onChange={(e) => set({ kind: e.target.value as ReportKind })}>
              {REPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`reports.screen.kinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          {params.kind === 'annual' ? (
            <Field name="report-year" label={t('reports.screen.year')} error={yearError}>
              <input id="report-year" type="number" min={1950} max={2100} value={params.year} onChange={(e) => set({ year: e.target.value })} />
            </Field>
          ) : null}
          {params.kind === 'agreement' ? (
            <Field name="report-agreement" label={t('reports.screen.agreement')} group>
              <RecordPicker
                kind="agreement"
                id="report-agreement"
                aria-labelledby="report-agreement-label"
                value={params.agreementId ? Number(params.agreementId) : null}
                onChange={(id) => set({ agreementId: id === null ? '' : String(id) })}
              />
            </Field>
          ) : null}
          {params.kind === 'visit' ? (
            <Field name="report-visit" label={t('reports.screen.visit')} group>
              <RecordPicker
                kind="visit"
                id="report-visit"
                aria-labelledby="report-visit-label"
                value={params.visitId ? Number(params.visitId) : null}
                onChange={(id) => set({ visitId: id === null ? '' : String(id) })}
              />
            </Field>
          ) : null}
          {params.kind === 'commitments' ? (
            <Field name="report-partner" label={t('reports.screen.partner')} group>
              <RecordPicker
                kind="locality"
                id="report-partner"
                aria-labelledby="report-partner-label"
                value={params.partnerId ? Number(params.partnerId) : null}
                onChange={(id) => set({ partnerId: id === null ? '' : String(id) })}
                placeholder={t('reports.screen.allPartners')}
              />
            </Field>
          ) : null}
          {params.kind === 'commitments' ? (
            <Field name="report-as-at" label={t('reports.screen.asAt')} group>
              <DateField
                id="report-as-at"
                aria-labelledby="report-as-at-label"
                aria-describedby="report-as-at-help"
                value={params.asAt}
                error={asAtError}
                onChange={(asAt) => set({ asAt })}
              />
              <small id="report-as-at-help" className="muted">
                {t('reports.screen.asAtHelp')}
              </small>
            </Field>
          ) : null}
          <Field name="report-language" label={t('reports.screen.language')}>
            <select id="report-language" value={params.language} onChange={(e) => set({ language: e.target.value as Language })}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </Field>
          <ReportRegionField value={params.region} onChange={(region) => set({ region })} />
        </div>
      </div>

      <section className="panel report-preview" aria-label={t('reports.screen.preview')} lang={params.language}>
        <h2>{t('reports.screen.preview')}</h2>
        {preview.isError && !asAtError ? <FormMessage message={failureMessage(preview.error)} /> : null}
        {request && preview.data ? (
          <>
            <p className="report-title">{preview.data.title}</p>
            <dl className="dl">
              {preview.data.figures.map((f) => (
                <div className="dl-row" key={f.label}>
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : request ? (
          <p>{t('app.loading')}</p>
        ) : null}
      </section>

      <div className="actions report-actions">
        <FormMessage message={message} />
        {result?.delivered === 'saved' ? (
          <p className="report-result" role="status">
            {t('reports.screen.saved', { path: result.path })}{' '}
            <button type="button" onClick={() => void open(result.path)}>
              {t('reports.screen.open')}
            </button>
          </p>
        ) : null}
        {result?.delivered === 'bytes' ? (
          <p className="report-result" role="status">
            {t('reports.screen.downloaded', { file: result.fileName })}
          </p>
        ) : null}
        {result?.delivered === 'cancelled' ? (
          <p className="report-result" role="status">
            {t('reports.screen.cancelled')}
          </p>
        ) : null}
        <button type="button" className="primary" disabled={!request || busy} onClick={() => void generate()}>
          {busy ? t('reports.screen.generating') : t('reports.screen.generate')}
        </button>
        <JobProgress progress={job.progress} label={t('jobs.report')} onCancel={job.cancel} />
      </div>
      <ReportAssetsPanel />
    </section>
  );
}

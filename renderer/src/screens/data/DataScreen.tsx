import { useState } from 'react';
import { EXPORT_FORMATS } from '../../../../shared/contract/exchange.ts';
import {
  CSV_ENCODINGS,
  IMPORT_ENTITIES,
  MAX_IMPORT_BYTES,
  type CsvEncoding,
  type ImportEntity,
  type ImportPreview,
  type ImportResult,
} from '../../../../shared/contract/imports.ts';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { useCall, useJob } from '../../api.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';
import { useQueryClient } from '@tanstack/react-query';
import { importDoneText, importTotalsText } from '../../../../shared/import-summary.ts';
import { FileButton } from '../../components/ConfirmDialog.tsx';
import { downloadBase64 } from '../../components/download.ts';
import { useOpenedFile } from '../../desktop-bridge.ts';

/** The chosen file, and the encoding the user picked for a CSV (absent: the one detected). */
type Picked = { fileName: string; contentBase64: string; encoding?: CsvEncoding };

/** The file's bytes as base64, in chunks (a spread of a whole file overflows the call stack). */
async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function ExportPanel() {
  const { t } = useLocale();
  const tables = useCall('export.tables', {});
  const [table, setTable] = useState('agreements');
  const [message, setMessage] = useState<string | null>(null);
  const job = useJob();
  const run = async (format: (typeof EXPORT_FORMATS)[number]) => {
    setMessage(null);
    try {
      const file = await job.run('export.file', format === 'csv' ? { format, table } : { format });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (failure) {
      setMessage(failureMessage(failure));
    }
  };
  return (
    <section className="panel">
      <h2>{t('import.export')}</h2>
      <p className="muted">{t('import.exportHelp')}</p>
      <div className="inline">
        <button type="button" disabled={job.progress !== null} onClick={() => void run('json')}>
          {t('import.download', { format: 'JSON' })}
        </button>
        <button type="button" disabled={job.progress !== null} onClick={() => void run('xlsx')}>
          {t('import.download', { format: 'XLSX' })}
        </button>
        <select aria-label={t('import.csvTable')} value={table} onChange={(e) => setTable(e.target.value)}>
          {(tables.data?.tables ?? []).map((tb) => (
            <option key={tb.name} value={tb.name}>
              {t(`exchange.entity.${tb.name}`)} · {t('import.allRows', { count: tb.rows })}
            </option>
          ))}
        </select>
        <button type="button" disabled={job.progress !== null} onClick={() => void run('csv')}>
          {t('import.download', { format: 'CSV' })}
        </button>
      </div>
      <JobProgress progress={job.progress} label={t('jobs.export')} onCancel={job.cancel} />
      <FormMessage message={message} />
    </section>
  );
}

export function DataScreen() {
  const { t } = useLocale();
  const client = useQueryClient();
  const [entity, setEntity] = useState<ImportEntity>('agreements');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null> | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [duplicates, setDuplicates] = useState<'skip' | 'merge'>('skip');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const job = useJob();
  const [phase, setPhase] = useState<'preview' | 'commit'>('preview');

  const refresh = async (next: { entity: ImportEntity; picked: Picked; mapping?: Record<string, number | null> | undefined }) => {
    setBusy(true);
    setMessage(null);
    try {
      setPhase('preview');
      const p = await job.run('import.preview', { entity: next.entity, ...next.picked, ...(next.mapping ? { mapping: next.mapping } : {}) });
      setPreview(p);
      setMapping(p.mapping);
    } catch (failure) {
      setPreview(null);
      setMessage(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File | undefined) => {
    setResult(null);
    setPreview(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage(`import.errors.tooLarge|${JSON.stringify({ max: MAX_IMPORT_BYTES / 1024 / 1024 })}`);
      return;
    }
    const next = { fileName: file.name, contentBase64: await readAsBase64(file) };
    setPicked(next);
    setMapping(undefined);
    await refresh({ entity, picked: next });
  };

  // A spreadsheet the desktop app was asked to open (dropped on its icon, or a second launch with a file).
  useOpenedFile((file) => void pick(file));

  const commit = async () => {
    if (!picked || !preview) return;
    setBusy(true);
    setMessage(null);
    try {
      setPhase('commit');
      setResult(await job.run('import.commit', { entity, ...picked, mapping, duplicates }));
      setPreview(null);
      setPicked(null);
      await client.invalidateQueries();
    } catch (failure) {
      setMessage(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const label = (key: string) => t(preview?.fields.find((f) => f.key === key)?.label ?? key);

  return (
    <section className="screen data-screen">
      <header className="screen-header">
        <h1>{t('import.title')}</h1>
      </header>
      <section className="panel">
        <div className="grid">
          <div className="field">
            <label htmlFor="import-entity">{t('import.entity')}</label>
            <select
              id="import-entity"
              value={entity}
              onChange={(e) => {
                const next = e.target.value as ImportEntity;
                setEntity(next);
                if (picked) void refresh({ entity: next, picked });
              }}
            >
              {IMPORT_ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {t(`import.entities.${e}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field wide">
            <span className="label" id="import-file-label">
              {t('import.file')}
            </span>
            <FileButton
              id="import-file"
              label={t('files.choose')}
              accept={['.xlsx', '.csv']}
              showName
              describedBy="import-file-label"
              onFile={(file) => void pick(file)}
            />
          </div>
        </div>
        {phase === 'preview' ? <JobProgress progress={job.progress} label={t('jobs.previewing')} onCancel={job.cancel} rows /> : null}
        {/* An import that failed or was cancelled says so beside its button, where the user is. */}
        {phase === 'preview' || !preview ? <FormMessage message={message} /> : null}
        {result ? (
          <p className="notice-ok" role="status" data-testid="import-result">
            {importDoneText(t, result)}
          </p>
        ) : null}
      </section>

      {preview && picked ? (
        <>
          <section className="panel">
            <h2>{t('import.mapping')}</h2>
            {preview.encoding ? (
              <div className="field encoding-field">
                <label htmlFor="import-encoding">{t('import.encoding')}</label>
                <select
                  id="import-encoding"
                  aria-describedby="import-encoding-help"
                  value={preview.encoding}
                  onChange={(e) => {
                    const next = { ...picked, encoding: e.target.value as CsvEncoding };
                    setPicked(next);
                    // Another encoding may read other headers: guess the columns again.
                    setMapping(undefined);
                    void refresh({ entity, picked: next });
                  }}
                >
                  {CSV_ENCODINGS.map((enc) => (
                    <option key={enc} value={enc}>
                      {t(`import.encodings.${enc}`)}
                    </option>
                  ))}
                </select>
                <p className="muted" id="import-encoding-help">
                  {t('import.encodingHelp')}
                </p>
              </div>
            ) : null}
            <p className="muted">{t('import.mappingHelp')}</p>
            <div className="mapping-grid">
              {preview.fields.map((f) => (
                <div className="field" key={f.key} data-field={f.key}>
                  <label htmlFor={`map-${f.key}`}>
                    {t(f.label)}
                    {f.required ? ' *' : ''}
                  </label>
                  <select
                    id={`map-${f.key}`}
                    value={mapping?.[f.key] ?? ''}
                    onChange={(e) => {
                      const next = { ...mapping, [f.key]: e.target.value === '' ? null : Number(e.target.value) };
                      setMapping(next);
                      void refresh({ entity, picked, mapping: next });
                    }}
                  >
                    <option value="">{t('import.noColumn')}</option>
                    {preview.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            {preview.unmapped.length ? (
              <FormMessage message={`import.errors.unmapped|${JSON.stringify({ fields: preview.unmapped.map(label).join(', ') })}`} />
            ) : null}
          </section>

          <section className="panel preview-panel">
            <h2>{t('import.preview')}</h2>
            <p data-testid="import-totals">{importTotalsText(t, preview.totals)}</p>
            <div className="table-scroll">
              <table className="simple-table preview-table">
                <thead>
                  <tr>
                    <th>{t('import.line')}</th>
                    <th>{t('import.status')}</th>
                    {preview.headers.map((h, i) => (
                      <th key={i}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} className={r.problems.length ? 'row-bad' : r.duplicateOf !== null ? 'row-dup' : ''} data-line={r.line}>
                      <td>{r.line}</td>
                      <td className="row-status">
                        {r.problems.length ? (
                          <ul className="problems">
                            {r.problems.map((p, i) => (
                              <li key={i}>
                                {p.field ? <strong>{label(p.field)}: </strong> : null}
                                {translateMessage(t, p.message)}
                              </li>
                            ))}
                          </ul>
                        ) : r.duplicateOf !== null ? (
                          t('import.willMerge')
                        ) : (
                          <>
                            {t('import.ok')}
                            {r.notes.map((n, i) => (
                              <div key={i} className="muted">
                                {translateMessage(t, n)}
                              </div>
                            ))}
                          </>
                        )}
                      </td>
                      {preview.headers.map((_h, i) => (
                        <td key={i}>{r.values[i] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {preview.totals.rows > preview.rows.length ? <p className="muted">{t('import.moreRows')}</p> : null}
            {preview.totals.duplicates ? (
              <fieldset className="duplicates">
                <legend>{t('import.duplicatesOf', { rule: t(`import.duplicateRule.${entity}`) })}</legend>
                <label>
                  <input type="radio" name="duplicates" checked={duplicates === 'skip'} onChange={() => setDuplicates('skip')} /> {t('import.skip')}
                </label>
                <label>
                  <input type="radio" name="duplicates" checked={duplicates === 'merge'} onChange={() => setDuplicates('merge')} /> {t('import.merge')}
                </label>
              </fieldset>
            ) : null}
            <div className="actions start">
              <button type="button" className="primary" disabled={busy || preview.totals.valid === 0} onClick={() => void commit()}>
                {busy ? t('import.committing') : t('import.commit', { count: preview.totals.valid })}
              </button>
            </div>
            {phase === 'commit' ? <JobProgress progress={job.progress} label={t('jobs.importing')} onCancel={job.cancel} rows /> : null}
            {phase === 'commit' ? <FormMessage message={message} /> : null}
          </section>
        </>
      ) : null}
      <ExportPanel />
    </section>
  );
}

import { Fragment, useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract/backups.ts';
import { formatDateTime, formatNumber } from '../../../../shared/format.ts';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useCall, useJob } from '../../api.ts';
import { BackupFolder } from './BackupFolder.tsx';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { useLocale } from '../../i18n.ts';

/** "localities 8 · agreements 6": the records a copy holds, in the user's words. */
function Counts({ counts }: { counts: BackupInfo['counts'] }) {
  const { t, locale } = useLocale();
  if (!counts) return <span className="muted">{t('backups.unreadable')}</span>;
  return (
    <span>
      {Object.entries(counts)
        .map(([table, n]) => `${t(`exchange.entity.${table}`)} ${formatNumber(n, locale)}`)
        .join(' · ')}
    </span>
  );
}

export function BackupsPanel() {
  const { t, locale } = useLocale();
  const status = useCall('backups.list', {});
  // A backup or a restore of a large file takes a while: both run as jobs with a bar and Cancel.
  const job = useJob();
  const [running, setRunning] = useState<'backup' | 'restore' | null>(null);
  const client = useQueryClient();
  const runJob = async <T,>(kind: 'backup' | 'restore', work: () => Promise<T>): Promise<T> => {
    setRunning(kind);
    try {
      const result = await work();
      await client.invalidateQueries();
      return result;
    } finally {
      setRunning(null);
    }
  };
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const act = async (run: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ text: await run(), ok: true });
    } catch (failure) {
      setMessage({ text: failureMessage(failure), ok: false });
    }
  };
  const entries = status.data?.entries ?? [];
  const last = entries[0];

  return (
    <div className="backups" data-testid="backups">
      <p data-testid="last-backup">
        {last ? t('backups.last', { when: formatDateTime(last.at, locale) }) : t('backups.none')}
        {' · '}
        <span className="muted">{t('backups.rotation')}</span>
      </p>
      {status.data?.startupError ? <FormMessage message={status.data.startupError} /> : null}
      <div className="actions start">
        <button
          type="button"
          className="primary"
          disabled={running !== null}
          onClick={() => void act(async () => (await runJob('backup', () => job.run('backups.now', {})), 'backups.done'))}
        >
          {running === 'backup' ? t('backups.working') : t('backups.now')}
        </button>
      </div>
      <JobProgress progress={job.progress} label={t(running === 'restore' ? 'jobs.restore' : 'jobs.backup')} onCancel={job.cancel} />
      {message?.ok ? (
        <p className="notice-ok" role="status">
          {translateMessage(t, message.text)}
        </p>
      ) : (
        <FormMessage message={message?.text ?? null} />
      )}
      <BackupFolder dir={status.data?.dir} defaultDir={status.data?.defaultDir} custom={status.data?.custom ?? false} />
      <h3>{t('backups.restoreTitle')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('backups.none')}</p>
      ) : (
        <table className="simple-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t('backups.when')}</th>
              <th>{t('backups.kind')}</th>
              <th>{t('backups.records')}</th>
              <th>
                <span className="visually-hidden">{t('backups.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <Fragment key={e.name}>
                <tr>
                  <td className="nowrap">{formatDateTime(e.at, locale)}</td>
                  <td>{t(`backups.kinds.${e.kind}`)}</td>
                  <td>
                    <Counts counts={e.counts} />
                  </td>
                  <td className="row-actions">
                    <button type="button" disabled={!e.counts || running !== null || confirming === e.name} onClick={() => setConfirming(e.name)}>
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
                {confirming === e.name ? (
                  <tr className="confirm-row">
                    <td colSpan={4}>
                      <span>{t('backups.confirm')}</span>
                      <button
                        type="button"
                        className="primary"
                        onClick={() =>
                          void act(async () => {
                            setConfirming(null);
                            const result = await runJob('restore', () => job.run('backups.restore', { name: e.name }));
                            return `backups.restored|${JSON.stringify({ when: formatDateTime(e.at, locale), aside: result.asideCopy ?? '' })}`;
                          })
                        }
                      >
                        {t('backups.confirmYes')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </button>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

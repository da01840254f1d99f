import { Fragment, useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract/backups.ts';
import { formatDateTime, formatNumber } from '../../../../shared/format.ts';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useCall, useJob } from '../../api.ts';
import { BackupFolder } from './BackupFolder.tsx';
import { FormMessage, useAction } from '../../components/form.tsx';
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
  const client = useQueryClient();
  // Why the last backup or restore failed (useAction), or what the last one that worked did.
  const { message, busy, act } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [kind, setKind] = useState<'backup' | 'restore'>('backup');
  const [confirming, setConfirming] = useState<string | null>(null);

  /** Runs a backup or a restore; `work` answers the line to say once it worked. */
  const runJob = (which: 'backup' | 'restore', work: () => Promise<string>) => {
    setKind(which);
    setDone(null);
    return act(async () => {
      const text = await work();
      // A restore replaces every record, a backup adds one to the list: every screen reads again.
      await client.invalidateQueries();
      setDone(text);
    });
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
          disabled={busy}
          onClick={() => void runJob('backup', async () => (await job.run('backups.now', {}), 'backups.done'))}
        >
          {busy && kind === 'backup' ? t('backups.working') : t('backups.now')}
        </button>
      </div>
      <JobProgress progress={job.progress} label={t(kind === 'restore' ? 'jobs.restore' : 'jobs.backup')} onCancel={job.cancel} />
      {done ? (
        <p className="notice-ok" role="status">
          {translateMessage(t, done)}
        </p>
      ) : (
        <FormMessage message={message} />
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
                    <button type="button" disabled={!e.counts || busy || confirming === e.name} onClick={() => setConfirming(e.name)}>
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
                        onClick={() => {
                          setConfirming(null);
                          void runJob('restore', async () => {
                            const result = await job.run('backups.restore', { name: e.name });
                            return `backups.restored|${JSON.stringify({ when: formatDateTime(e.at, locale), aside: result.asideCopy ?? '' })}`;
                          });
                        }}
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

import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../../shared/format.ts';
import type { PartnerAttachment, PartnerStory } from '../../../../shared/contract/partners.ts';
import { useCall } from '../../api.ts';
import { humanSize, openAttachment } from '../../components/Attachments.tsx';
import { FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';
import { CommitmentLines } from '../commitments/AgreementCommitments.tsx';

/** The partner's agreements, living ones first, each with its stage. */
export function PartnerAgreements({ story }: { story: PartnerStory }) {
  const { t, locale } = useLocale();
  return (
    <section aria-labelledby="partner-agreements-title" data-testid="partner-agreements">
      <h2 id="partner-agreements-title">{t('partners.agreements')}</h2>
      {story.agreements.length === 0 ? <p className="muted">{t('partners.noAgreements')}</p> : null}
      <ul className="plain-list partner-list">
        {story.agreements.map((a) => (
          <li key={a.id}>
            <Link to={`/agreements/${a.id}`}>{t(`kind.${a.kind}`)}</Link> <span className={`stage stage-${a.stage}`}>{t(`stage.${a.stage}`)}</span>
            {a.signedOn ? <div className="muted">{`${t('fields.signedOn')}: ${formatDate(a.signedOn, locale)}`}</div> : null}
          </li>
        ))}
      </ul>
      <Link className="button" to={`/agreements/new?partner=${story.locality.id}`}>
        {t('partners.newAgreement')}
      </Link>
    </section>
  );
}

const COMMITMENTS_SHOWN = 20;

/** Its commitments, soonest due first, with what has arrived of each (the commitments list's own figures). */
export function PartnerCommitments({ partnerId }: { partnerId: number }) {
  const { t, locale } = useLocale();
  const list = useCall('commitments.list', { partnerId, sort: 'dueOn', limit: COMMITMENTS_SHOWN });
  const rows = list.data?.rows ?? [];
  return (
    <section className="agreement-commitments partner-commitments" aria-labelledby="partner-commitments-title" data-testid="partner-commitments">
      <h2 id="partner-commitments-title">{t('partners.commitments')}</h2>
      {list.isSuccess && rows.length === 0 ? <p className="muted">{t('partners.noCommitments')}</p> : null}
      <CommitmentLines rows={rows} />
      {list.data && list.data.total > rows.length ? (
        <Link to={`/commitments/all?partner=${partnerId}`}>{t('partners.allCommitments', { n: formatNumber(list.data.total, locale) })}</Link>
      ) : null}
    </section>
  );
}

/** The files of its agreements, visits, commitments and deliveries, each under the record it belongs to. */
export function PartnerFiles({ story }: { story: PartnerStory }) {
  const { t, locale } = useLocale();
  const [message, setMessage] = useState<string | null>(null);
  const owner = (a: PartnerAttachment) => {
    const o = a.owner;
    const text = [o.text, o.on ? formatDate(o.on, locale) : null].filter(Boolean).join(' · ');
    return a.entity === 'agreement'
      ? t('partners.owner.agreement', { kind: t(`kind.${o.agreementKind ?? 'other'}`) })
      : t(`partners.owner.${a.entity}`, { text });
  };
  return (
    <section className="attachments" aria-labelledby="partner-files-title" data-testid="partner-files">
      <h2 id="partner-files-title">{t('partners.files')}</h2>
      <FormMessage message={message} />
      {story.attachments.length === 0 ? <p className="muted">{t('partners.noFiles')}</p> : null}
      <ul className="attachment-list">
        {story.attachments.map((a) => (
          <li key={a.linkId} className={a.missing ? 'missing' : undefined}>
            <button type="button" className="link-button file-name" disabled={a.missing} onClick={() => void openAttachment(a.linkId, setMessage)}>
              {a.fileName}
            </button>
            <span className="muted"> · {humanSize(a.size, locale)}</span>
            {a.missing ? <span className="badge missing-badge">{t('partners.fileMissing')}</span> : null}
            <div className="muted">
              <Link to={a.owner.route}>{owner(a)}</Link>
            </div>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {story.attachmentsTotal > story.attachments.length
          ? `${t('partners.moreFiles', { shown: formatNumber(story.attachments.length, locale), total: formatNumber(story.attachmentsTotal, locale) })} `
          : ''}
        {t('partners.filesHint')}
      </p>
    </section>
  );
}

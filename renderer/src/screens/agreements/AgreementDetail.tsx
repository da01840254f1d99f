import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AGREEMENT_STAGES, type AgreementStage } from '../../../../shared/contract/agreements.ts';
import { countryName } from '../../../../shared/countries.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useCall, useMutate } from '../../api.ts';
import { FormMessage, SampleBadge, useAction } from '../../components/form.tsx';
import { Attachments } from '../../components/Attachments.tsx';
import { useUndoableMutate } from '../../components/undo.tsx';
import { areaLabel } from '../../components/labels.ts';
import { useLocale } from '../../i18n.ts';
import { AgreementVisits } from '../visits/AgreementVisits.tsx';
import { AgreementCommitments } from '../commitments/AgreementCommitments.tsx';
import { localIsoDate } from '../../../../shared/dates.ts';
import { DateField } from '../../components/DateField.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';
import { LinkedTasks } from '../../components/LinkedTasks.tsx';
import { PeopleSection } from '../partners/PeopleSection.tsx';

const DATE_FIELDS = new Set(['stageSince', 'letterOfIntentOn', 'signedOn', 'resolutionOn', 'renewalOn', 'expiresOn', 'endedOn']);

export function AgreementDetail() {
  const { t, locale } = useLocale();
  const id = Number(useParams().id);
  const agreement = useCall('agreements.get', { id });
  const history = useCall('agreements.history', { id });
  const changeStage = useMutate('agreements.changeStage');
  const navigate = useNavigate();
  const archive = useUndoableMutate('agreements.archive');
  const confirm = useConfirm();
  const remove = useUndoableMutate('agreements.delete');
  const restore = useMutate('agreements.restore');
  const [nextStage, setNextStage] = useState<AgreementStage | ''>('');
  const [stageDate, setStageDate] = useState(() => localIsoDate(new Date()));
  const { message, act } = useAction();

  if (agreement.isLoading) return <p>{t('app.loading')}</p>;
  if (agreement.isError || !agreement.data) return <FormMessage message="errors.not_found" />;
  const a = agreement.data;

  const applyStage = async () => {
    if (!nextStage) return;
    await act(async () => {
      await changeStage.mutateAsync({ id: a.id, version: a.version, stage: nextStage, date: stageDate });
      setNextStage('');
    });
  };
  const deleteAgreement = () =>
    act(async () => {
      if (!(await confirm({ title: t('agreements.confirmDelete'), action: t('confirm.deleteAgreement'), destructive: true }))) return;
      await remove.run({ id: a.id }, a.partner.name, { then: '/agreements' });
      navigate('/agreements');
    });
  const toggleArchive = () =>
    act(async () => {
      if (a.archivedAt) await restore.mutateAsync({ id: a.id });
      else if (await confirm({ title: t('common.confirmArchive'), action: t('confirm.archiveAgreement'), destructive: true }))
        await archive.run({ id: a.id }, a.partner.name);
    });

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value, locale);
    if (field === 'stage') return t(`stage.${String(value)}`);
    if (field === 'kind') return t(`kind.${String(value)}`);
    if (field === 'channel') return t(`channel.${String(value)}`);
    if (field === 'archivedAt') return formatDateTime(String(value), locale);
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  };
  const row = (field: string, value: unknown) => (
    <div className="dl-row" key={field}>
      <dt>{t(`fields.${field}`)}</dt>
      <dd data-field={field}>{show(field, value)}</dd>
    </div>
  );

  return (
    <section className="screen detail-screen">
      <header className="screen-header">
        <div>
          <p className="eyebrow">{t(`kind.${a.kind}`)}</p>
          <h1>
            <Link to={`/localities/${a.partner.id}`}>{a.partner.name}</Link> <NativeName native={a.partner.nativeName} country={a.partner.country} />
          </h1>
          <p className="subtitle">
            {countryName(a.partner.country, locale)} · <span className={`stage stage-${a.stage}`}>{t(`stage.${a.stage}`)}</span>{' '}
            <SampleBadge sample={a.sample} />
          </p>
        </div>
        <div className="actions">
          <Link className="button" to="/agreements">
            {t('common.back')}
          </Link>
          <Link className="button primary" to={`/agreements/${a.id}/edit`}>
            {t('common.edit')}
          </Link>
          <button type="button" onClick={() => void toggleArchive()}>
            {a.archivedAt ? t('common.restore') : t('common.archive')}
          </button>
          <button type="button" onClick={() => void deleteAgreement()}>
            {t('agreements.delete')}
          </button>
        </div>
      </header>
      {a.archivedAt ? <div className="form-message">{t('agreements.archivedNotice')}</div> : null}
      <FormMessage message={message} />
      <div className="columns">
        <div>
          <h2>{t('agreements.details')}</h2>
          <dl className="dl">
            {row('stage', a.stage)}
            {row('stageSince', a.stageSince)}
            {row('channel', a.channel)}
            {row('letterOfIntentOn', a.letterOfIntentOn)}
            {row('signedOn', a.signedOn)}
            {row('signedPlace', a.signedPlace)}
            {row('signatoriesOurs', a.signatoriesOurs)}
            {row('signatoriesTheirs', a.signatoriesTheirs)}
            {row('resolutionNumber', a.resolutionNumber)}
            {row('resolutionOn', a.resolutionOn)}
            {row('renewalOn', a.renewalOn)}
            {row('expiresOn', a.expiresOn)}
            {row('endedOn', a.endedOn)}
            <div className="dl-row">
              <dt>{t('fields.areaIds')}</dt>
              <dd>
                {a.areas.length
                  ? a.areas.map((area) => (
                      <span className="chip" key={area.id}>
                        {areaLabel(t, area)}
                      </span>
                    ))
                  : t('common.none')}
              </dd>
            </div>
          </dl>
          {a.notes ? (
            <>
              <h2>{t('fields.notes')}</h2>
              <p className="notes">{a.notes}</p>
            </>
          ) : null}
          <AgreementCommitments agreementId={a.id} archived={a.archivedAt !== null} />
          <Attachments entity="agreement" entityId={a.id} />
        </div>
        <div>
          <LinkedTasks link={{ kind: 'agreement', id: a.id }} heading={t('agreementTasks.title')} />
          <PeopleSection query={{ agreementId: a.id }} title={t('agreementPeople.title')} empty={t('agreementPeople.none')} country={a.partner.country} />
          <AgreementVisits agreementId={a.id} />
          <h2>{t('agreements.stageHistory')}</h2>
          <ol className="timeline" data-testid="stage-history">
            {a.stages.map((s, i) => (
              <li key={i}>
                <strong>{t(`stage.${s.stage}`)}</strong> · {formatDate(s.date, locale)}
                {s.note ? <div className="muted">{s.note}</div> : null}
              </li>
            ))}
          </ol>
          {!a.archivedAt ? (
            <div className="stage-change">
              <h3>{t('agreements.changeStage')}</h3>
              <div className="inline">
                <select aria-label={t('agreements.changeStage')} value={nextStage} onChange={(e) => setNextStage(e.target.value as AgreementStage)}>
                  <option value="">{t('agreements.changeStage')}…</option>
                  {AGREEMENT_STAGES.filter((s) => s !== a.stage).map((s) => (
                    <option key={s} value={s}>
                      {t(`stage.${s}`)}
                    </option>
                  ))}
                </select>
                <DateField id="stageDate" aria-label={t('fields.stageDate')} value={stageDate} onChange={setStageDate} />
                <button type="button" className="primary" disabled={!nextStage} onClick={() => void applyStage()}>
                  {t('agreements.applyStage')}
                </button>
              </div>
            </div>
          ) : null}
          <h2>{t('agreements.changeHistory')}</h2>
          <ul className="history" data-testid="change-history">
            {(history.data ?? []).map((h) => (
              <li key={h.id}>
                <div>
                  <strong>{t(`agreements.action_${h.action}`)}</strong> · {formatDateTime(h.at, locale)}
                  {h.userName ? ` · ${t('agreements.by', { name: h.userName })}` : ''}
                </div>
                {h.action === 'update' ? (
                  <ul>
                    {h.changes
                      .filter((c) => c.field !== 'areaIds')
                      .map((c) => (
                        <li key={c.field}>
                          {t(`fields.${c.field}`)}: {show(c.field, c.before)} → {show(c.field, c.after)}
                        </li>
                      ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

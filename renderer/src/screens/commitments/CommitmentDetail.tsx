import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Delivery } from '../../../../shared/contract/commitments.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useCall, useMutate } from '../../api.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { FormMessage, useAction } from '../../components/form.tsx';
import { areaLabel } from '../../components/labels.ts';
import { useLocale } from '../../i18n.ts';
import { DeliveryForm } from './DeliveryForm.tsx';
import { money, MoneyList, Progress, StatusBadge } from './parts.tsx';
import { LinkedTasks } from '../../components/LinkedTasks.tsx';
import { useUndoableMutate } from '../../components/undo.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';

export function CommitmentDetail() {
  const { t, locale } = useLocale();
  const id = Number(useParams().id);
  const commitment = useCall('commitments.get', { id });
  const history = useCall('commitments.history', { id });
  const areas = useCall('areas.list', {});
  const cancel = useMutate('commitments.cancel');
  const reopen = useMutate('commitments.reopen');
  const removeDelivery = useUndoableMutate('commitments.removeDelivery');
  const confirm = useConfirm();
  const [editing, setEditing] = useState<Delivery | 'new' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const { message, act: attempt } = useAction();

  if (commitment.isLoading) return <p>{t('app.loading')}</p>;
  if (commitment.isError || !commitment.data) return <FormMessage message="errors.not_found" />;
  const c = commitment.data;
  const area = areas.data?.find((a) => a.id === c.areaId);

  const row = (label: string, value: React.ReactNode, field: string) => (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd data-field={field}>{value ?? t('common.none')}</dd>
    </div>
  );

  return (
    <section className="screen detail-screen commitment-detail">
      <header className="screen-header">
        <div>
          <p className="eyebrow">
            {t(`commitments.kind.${c.kind}`)} · {t(`commitments.direction.${c.direction}`)}
          </p>
          <h1>{c.description}</h1>
          <p className="subtitle">
            <Link to={`/agreements/${c.agreementId}`}>{t('commitments.underAgreement', { kind: t(`kind.${c.agreementKind}`), partner: c.partnerName })}</Link>
            <NativeName native={c.partnerNativeName} /> · <StatusBadge status={c.status} />
          </p>
          <div className="detail-progress" data-testid="commitment-progress">
            <Progress delivered={c.delivered} quantity={c.quantity} unit={c.unit} />
          </div>
        </div>
        <div className="actions">
          <Link className="button" to="/commitments">
            {t('common.back')}
          </Link>
          <Link className="button primary" to={`/commitments/${c.id}/edit`}>
            {t('common.edit')}
          </Link>
          {c.cancelledAt ? (
            <button type="button" onClick={() => void attempt(() => reopen.mutateAsync({ id: c.id, version: c.version }))}>
              {t('commitments.reopen')}
            </button>
          ) : (
            <button type="button" onClick={() => setCancelling(true)}>
              {t('commitments.cancel')}
            </button>
          )}
        </div>
      </header>
      <FormMessage message={message} />
      {c.cancelledAt ? (
        <div className="cancelled-notice">{t('commitments.cancelledNotice', { date: formatDate(c.cancelledAt, locale), reason: c.cancelReason })}</div>
      ) : null}
      {cancelling && !c.cancelledAt ? (
        <div className="cancel-box">
          <label htmlFor="cancelReason">{t('commitments.fields.cancelReason')}</label>
          <div className="inline">
            <input id="cancelReason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <button
              type="button"
              className="primary"
              onClick={() =>
                void attempt(() => cancel.mutateAsync({ id: c.id, version: c.version, reason })).then((done) => {
                  if (done) setCancelling(false);
                })
              }
            >
              {t('commitments.applyCancel')}
            </button>
            <button type="button" onClick={() => setCancelling(false)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="columns">
        <div>
          <h2>{t('commitments.details')}</h2>
          <dl className="dl">
            {row(t('commitments.fields.quantity'), `${c.quantity}${c.unit ? ` ${c.unit}` : ''}`, 'quantity')}
            {row(t('commitments.fields.value'), <MoneyList amounts={money(c.valueMinor, c.currency)} />, 'value')}
            {row(t('commitments.deliveredValue'), <MoneyList amounts={c.deliveredValue} />, 'deliveredValue')}
            {row(t('commitments.fields.dueOn'), c.dueOn ? formatDate(c.dueOn, locale) : null, 'dueOn')}
            {row(t('commitments.fields.areaId'), area ? areaLabel(t, area) : null, 'areaId')}
          </dl>
          {c.notes ? (
            <>
              <h2>{t('commitments.fields.notes')}</h2>
              <p className="notes">{c.notes}</p>
            </>
          ) : null}
        </div>
        <div>
          <Attachments entity="commitment" entityId={c.id} />
          <LinkedTasks link={{ kind: 'commitment', id: c.id }} heading={t('commitments.tasks')} />
          <h2>{t('commitments.changeHistory')}</h2>
          <ul className="history" data-testid="change-history">
            {(history.data ?? []).map((h) => (
              <li key={h.id}>
                <strong>{t(`agreements.action_${h.action}`)}</strong> · {formatDateTime(h.at, locale)}
                {h.userName ? ` · ${t('agreements.by', { name: h.userName })}` : ''}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <section className="deliveries-section">
        <h2>{t('commitments.deliveries')}</h2>
        {c.deliveries.length === 0 ? <p className="muted">{t('commitments.noDeliveries')}</p> : null}
        {c.deliveries.map((d) =>
          editing !== null && editing !== 'new' && editing.id === d.id ? (
            <DeliveryForm key={d.id} commitment={c} delivery={d} onDone={() => setEditing(null)} />
          ) : (
            <article className="delivery" key={d.id} data-testid="delivery">
              <header>
                <strong>
                  {formatDate(d.deliveredOn, locale)} · {d.quantity}
                  {c.unit ? ` ${c.unit}` : ''}
                </strong>
                {d.valueMinor !== null ? <MoneyList amounts={money(d.valueMinor, d.currency)} /> : null}
                {d.overDeliveryConfirmed ? <span className="badge over-badge">{t('commitments.overDelivered')}</span> : null}
                <span className="row-actions">
                  <button type="button" onClick={() => setEditing(d)}>
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void confirm({ title: t('commitments.confirmRemoveDelivery'), action: t('confirm.deleteDelivery'), destructive: true }).then(
                        (yes) => yes && attempt(() => removeDelivery.run({ id: d.id, version: d.version }, formatDate(d.deliveredOn, locale))),
                      )
                    }
                  >
                    {t('commitments.removeDelivery')}
                  </button>
                </span>
              </header>
              {d.notes ? <p className="muted">{d.notes}</p> : null}
              {d.beneficiaries.length ? (
                <table className="people">
                  <thead>
                    <tr>
                      <th>{t('fields.name')}</th>
                      <th>{t('commitments.fields.school')}</th>
                      <th>{t('commitments.fields.tutor')}</th>
                      <th>{t('commitments.fields.period')}</th>
                      <th>{t('commitments.fields.destination')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.beneficiaries.map((b) => (
                      <tr key={b.id}>
                        <td>
                          {b.name}
                          <NativeName native={b.nativeName} />
                        </td>
                        <td>{b.school}</td>
                        <td>{b.tutor}</td>
                        <td>{b.period}</td>
                        <td>{b.destination}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              <Attachments entity="delivery" entityId={d.id} title={t('commitments.evidence')} />
            </article>
          ),
        )}
        {editing === 'new' ? (
          <DeliveryForm commitment={c} delivery={null} onDone={() => setEditing(null)} />
        ) : !c.cancelledAt ? (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('commitments.addDelivery')}
          </button>
        ) : null}
      </section>
    </section>
  );
}

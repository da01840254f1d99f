import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { daysFromToday } from '../../../../shared/dates.ts';
import { formatDate } from '../../../../shared/format.ts';
import { formatMoney } from '../../../../shared/money.ts';
import type { Visit } from '../../../../shared/contract/visits.ts';
import { useCall, useMutate } from '../../api.ts';
import { failureMessage, FormMessage, SampleBadge, useAction } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';
import { VisitIcsButton } from '../calendar/VisitIcsButton.tsx';
import { Attachments } from '../../components/Attachments.tsx';
import { useUndoableMutate } from '../../components/undo.tsx';
import { DateField } from '../../components/DateField.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';
import { twoScripts } from '../../../../shared/names.ts';

export function VisitDetail() {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const visit = useCall('visits.get', { id });
  const settings = useCall('settings.get', {});
  const archive = useUndoableMutate('visits.archive');
  const restore = useMutate('visits.restore');
  const remove = useUndoableMutate('visits.delete');
  const confirm = useConfirm();
  const { message, setMessage, act } = useAction();
  if (visit.isLoading) return <p>{t('app.loading')}</p>;
  if (visit.isError || !visit.data) return <FormMessage message="errors.not_found" />;
  const v = visit.data;
  const money = (minor: number | null, currency: string | null) => (minor !== null && currency ? formatMoney(minor, currency, locale) : t('common.none'));

  return (
    <section className="screen detail-screen visit-detail">
      <header className="screen-header">
        <div>
          <p className="eyebrow">{t(`visits.directionLong.${v.direction}`)}</p>
          <h1>{v.purpose}</h1>
          <p className="subtitle">
            {formatDate(v.startsOn, locale, 'long')}
            {v.endsOn !== v.startsOn ? ` – ${formatDate(v.endsOn, locale, 'long')}` : ''}
            {v.locality ? (
              <>
                {' · '}
                <Link to={`/localities/${v.locality.id}`}>{v.locality.name}</Link>
              </>
            ) : null}
            <NativeName native={v.locality?.nativeName} country={v.locality?.country} />
            {' · '}
            <span className={`stage visit-${v.status}`}>{t(`visits.status.${v.status}`)}</span> <SampleBadge sample={v.sample} />
          </p>
        </div>
        <div className="actions">
          <Link className="button" to="/visits">
            {t('common.back')}
          </Link>
          <Link className="button primary" to={`/visits/${v.id}/edit`}>
            {t('common.edit')}
          </Link>
          <VisitIcsButton visitId={v.id} />
          <button type="button" onClick={() => void act(() => (v.archivedAt ? restore.mutateAsync({ id: v.id }) : archive.run({ id: v.id }, v.purpose)))}>
            {v.archivedAt ? t('common.restore') : t('common.archive')}
          </button>
          <button
            type="button"
            onClick={() =>
              void act(
                async () =>
                  (await confirm({ title: t('visits.confirmDelete'), action: t('confirm.deleteVisit'), destructive: true })) &&
                  (await remove.run({ id: v.id }, v.purpose, { then: '/visits' }), navigate('/visits')),
              )
            }
          >
            {t('visits.delete')}
          </button>
        </div>
      </header>
      <FormMessage message={message} />
      <div className="columns">
        <div>
          <dl className="dl">
            <div className="dl-row">
              <dt>{t(v.direction === 'inbound' ? 'forms.place.venueInbound' : 'forms.place.venueOutbound')}</dt>
              <dd>{v.venue ?? t('common.none')}</dd>
            </div>
            <div className="dl-row">
              <dt>{t('visits.fields.agreementIds')}</dt>
              <dd>
                {v.agreements.length
                  ? v.agreements.map((a) => (
                      <Link key={a.id} className="chip" to={`/agreements/${a.id}`}>
                        {twoScripts(a.partnerName, a.partnerNativeName)}
                      </Link>
                    ))
                  : t('common.none')}
              </dd>
            </div>
            <div className="dl-row">
              <dt>{t('visits.fields.dietaryNotes')}</dt>
              <dd>{v.dietaryNotes ?? t('common.none')}</dd>
            </div>
            <div className="dl-row">
              <dt>{t('visits.fields.interpreterNotes')}</dt>
              <dd>{v.interpreterNotes ?? t('common.none')}</dd>
            </div>
          </dl>

          <h2>{t('visits.sections.participants')}</h2>
          <table className="simple-table" data-testid="participants">
            <tbody>
              {v.participants.map((p) => (
                <tr key={p.contactId}>
                  <td>
                    <Link to={`/contacts/${p.contactId}`}>
                      <strong>{p.name}</strong>
                    </Link>
                    <NativeName native={p.nativeName} />
                    <div className="muted">{[p.title, p.organisation].filter(Boolean).join(' · ')}</div>
                  </td>
                  <td>{t(`visits.role.${p.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{t('visits.sections.agenda')}</h2>
          <table className="simple-table" data-testid="agenda">
            <tbody>
              {v.agenda.map((a, i) => (
                <tr key={i}>
                  <td className="nowrap">
                    {formatDate(a.onDate, locale)} {a.atTime ?? ''}
                  </td>
                  <td>
                    {a.what}
                    <div className="muted">{[a.place, a.withWhom].filter(Boolean).join(' · ')}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{t('visits.sections.costs')}</h2>
          <table className="simple-table" data-testid="costs">
            <tbody>
              {v.costs.map((c, i) => (
                <tr key={i}>
                  <td>{c.item}</td>
                  <td>{t(`visits.paidBy.${c.paidBy}`)}</td>
                  <td className="num">{money(c.amountMinor, c.currency)}</td>
                </tr>
              ))}
              {(['office', 'others'] as const).flatMap((payer) =>
                v.costTotals[payer].map((x) => (
                  <tr key={`${payer}-${x.currency}`} className="total-row">
                    <td colSpan={2}>{t(`visits.costTotals.${payer}`)}</td>
                    <td className="num">{money(x.minor, x.currency)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>

          <h2>{t('visits.sections.protocol')}</h2>
          <table className="simple-table" data-testid="gifts">
            <tbody>
              {v.gifts.length === 0 ? (
                <tr>
                  <td className="muted">{t('common.none')}</td>
                </tr>
              ) : null}
              {v.gifts.map((g, i) => (
                <tr key={i}>
                  <td>{t(`visits.giftDirection.${g.direction}`)}</td>
                  <td>
                    {g.what}
                    {g.counterpart ? <div className="muted">{g.counterpart}</div> : null}
                  </td>
                  <td className="num">{g.valueMinor !== null ? money(g.valueMinor, g.currency) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {v.notes ? <p className="notes">{v.notes}</p> : null}
        </div>
        <div>
          <h2>{t('visits.sections.outcomes')}</h2>
          <ul className="plain-list" data-testid="outcomes">
            {v.outcomes.length === 0 ? <li className="muted">{t('common.none')}</li> : null}
            {v.outcomes.map((o) => (
              <Outcome key={o.id} outcome={o} staff={settings.data?.staff ?? []} onError={(f) => setMessage(failureMessage(f))} />
            ))}
          </ul>
          <h2>{t('visits.tasksFromVisit')}</h2>
          <ul className="plain-list" data-testid="visit-tasks">
            {v.tasks.length === 0 ? <li className="muted">{t('common.none')}</li> : null}
            {v.tasks.map((task) => (
              <li key={task.id}>
                <strong>{task.title}</strong>
                <div className="muted">
                  {task.dueOn ? t('tasks.dueOn', { date: formatDate(task.dueOn, locale) }) : t('tasks.noDue')} · {task.assignee ?? ''} ·{' '}
                  {t(`tasks.status.${task.status}`)}
                </div>
              </li>
            ))}
          </ul>
          <Attachments entity="visit" entityId={v.id} />
        </div>
      </div>
    </section>
  );
}

/** An outcome, and the one step that turns it into a follow-up task. */
function Outcome({ outcome, staff, onError }: { outcome: Visit['outcomes'][number]; staff: string[]; onError: (f: unknown) => void }) {
  const { t } = useLocale();
  const make = useMutate('visits.outcomeToTask');
  const [dueOn, setDueOn] = useState(() => daysFromToday(7));
  const [assignee, setAssignee] = useState('');
  return (
    <li className="outcome" data-outcome-id={outcome.id}>
      <p>{outcome.text}</p>
      {outcome.taskId ? (
        <span className="chip">{t('visits.hasTask', { status: t(`tasks.status.${outcome.taskStatus ?? 'open'}`) })}</span>
      ) : (
        <div className="inline make-task">
          <DateField id={`outcome-${outcome.id}-dueOn`} aria-label={t('tasks.fields.dueOn')} value={dueOn} onChange={setDueOn} />
          <select aria-label={t('tasks.fields.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('tasks.fields.assignee')}…</option>
            {staff.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <button
            type="button"
            className="primary"
            disabled={make.isPending}
            onClick={() => void make.mutateAsync({ outcomeId: outcome.id, dueOn: dueOn || null, assignee: assignee || null }).catch(onError)}
          >
            {t('visits.makeTask')}
          </button>
        </div>
      )}
    </li>
  );
}

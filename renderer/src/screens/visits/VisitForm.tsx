import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { COMMON_CURRENCIES, formatMoney, isCurrency, sumByCurrency } from '../../../../shared/money.ts';
import { amountText, parseAmount, refusalMessage } from '../../../../shared/amount.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import type { AppFailure } from '../../../../shared/contract/result.ts';
import {
  COST_PAYERS,
  GIFT_DIRECTIONS,
  PARTICIPANT_ROLES,
  VISIT_DIRECTIONS,
  VISIT_STATUSES,
  visitFields,
  type ParticipantRole,
  type Visit,
  type VisitFields,
} from '../../../../shared/contract/visits.ts';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { call, useCall, useMutate } from '../../api.ts';
import { DateField, TimeField } from '../../components/DateField.tsx';
import { failureMessage, Field, FormMessage } from '../../components/form.tsx';
import { EnumOptions } from '../../components/options.tsx';
import { RecordMultiPicker, RecordPicker } from '../../components/RecordPicker.tsx';
import { useLocale } from '../../i18n.ts';

type Participant = { contactId: string; role: ParticipantRole; newName: string; newNativeName: string; newOrganisation: string };
type Agenda = { onDate: string; atTime: string; place: string; what: string; withWhom: string };
type Outcome = { id: number | null; text: string };
type Cost = { item: string; amount: string; currency: string; paidBy: (typeof COST_PAYERS)[number] };
type Gift = { direction: (typeof GIFT_DIRECTIONS)[number]; what: string; counterpart: string; value: string; currency: string };
type Draft = {
  direction: (typeof VISIT_DIRECTIONS)[number];
  status: (typeof VISIT_STATUSES)[number];
  startsOn: string;
  endsOn: string;
  localityId: string;
  venue: string;
  purpose: string;
  agreementIds: number[];
  participants: Participant[];
  agenda: Agenda[];
  outcomes: Outcome[];
  costs: Cost[];
  gifts: Gift[];
  dietaryNotes: string;
  interpreterNotes: string;
  notes: string;
};

const NEW = 'new';
const EMPTY: Draft = {
  direction: 'outbound', status: 'planned', startsOn: '', endsOn: '', localityId: '', venue: '', purpose: '', agreementIds: [],
  participants: [], agenda: [], outcomes: [], costs: [], gifts: [], dietaryNotes: '', interpreterNotes: '', notes: '',
};

function toDraft(v: Visit, locale: string): Draft {
  return {
    direction: v.direction, status: v.status, startsOn: v.startsOn, endsOn: v.endsOn, localityId: v.localityId ? String(v.localityId) : '',
    venue: v.venue ?? '', purpose: v.purpose, agreementIds: v.agreementIds,
    participants: v.participants.map((p) => ({ contactId: String(p.contactId), role: p.role, newName: '', newNativeName: '', newOrganisation: '' })),
    agenda: v.agenda.map((a) => ({ onDate: a.onDate, atTime: a.atTime ?? '', place: a.place ?? '', what: a.what, withWhom: a.withWhom ?? '' })),
    outcomes: v.outcomes.map((o) => ({ id: o.id, text: o.text })),
    costs: v.costs.map((c) => ({ item: c.item, amount: amountText(c.amountMinor, c.currency, locale), currency: c.currency, paidBy: c.paidBy })),
    gifts: v.gifts.map((g) => ({ direction: g.direction, what: g.what, counterpart: g.counterpart ?? '', value: g.valueMinor !== null && g.currency ? amountText(g.valueMinor, g.currency, locale) : '', currency: g.currency ?? '' })),
    dietaryNotes: v.dietaryNotes ?? '', interpreterNotes: v.interpreterNotes ?? '', notes: v.notes ?? '',
  };
}

/** The draft as the contract wants it; amounts typed as text become minor units or an issue on their field. */
function toFields(d: Draft, issues: Record<string, string>, locale: string): VisitFields {
  const minor = (text: string, currency: string, path: string) => {
    const code = currency.trim().toUpperCase();
    // An unknown currency is the currency field's issue (the contract says so); the amount waits for it.
    if (!isCurrency(code)) return 0;
    const read = parseAmount(text, code, locale);
    if (!read.ok) issues[path] = refusalMessage(read.refusal);
    return read.ok ? read.minor : 0;
  };
  return {
    direction: d.direction, status: d.status, startsOn: d.startsOn, endsOn: d.endsOn,
    localityId: d.localityId ? Number(d.localityId) : null, venue: d.venue, purpose: d.purpose, agreementIds: d.agreementIds,
    participants: d.participants.map((p) =>
      p.contactId === NEW
        ? { newContact: { name: p.newName, nativeName: p.newNativeName, organisation: p.newOrganisation }, role: p.role }
        : { contactId: p.contactId ? Number(p.contactId) : null, role: p.role },
    ),
    agenda: d.agenda,
    outcomes: d.outcomes,
    costs: d.costs.map((c, i) => ({ item: c.item, amountMinor: minor(c.amount, c.currency, `costs.${i}.amountMinor`), currency: c.currency, paidBy: c.paidBy })),
    gifts: d.gifts.map((g, i) => ({
      direction: g.direction, what: g.what, counterpart: g.counterpart, currency: g.currency,
      valueMinor: g.value.trim() ? minor(g.value, g.currency, `gifts.${i}.valueMinor`) : null,
    })),
    dietaryNotes: d.dietaryNotes, interpreterNotes: d.interpreterNotes, notes: d.notes,
  };
}

const pathKey = (path: (string | number)[]) => {
  const key = path.join('.');
  // A new participant's own fields show on its name input.
  return key.replace(/^participants\.(\d+)\.newContact\..*$/, 'participants.$1.newName');
};

export function VisitForm() {
  const { t, locale, currency: officeCurrency } = useLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const editingId = id ? Number(id) : null;
  const existing = useCall('visits.get', { id: editingId ?? 0 }, { enabled: editingId !== null });
  const create = useMutate('visits.create');
  const update = useMutate('visits.update');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loaded, setLoaded] = useState(editingId === null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (existing.data && !loaded) {
      setDraft(toDraft(existing.data, locale));
      setLoaded(true);
    }
  }, [existing.data, loaded]);

  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  function list<K extends 'participants' | 'agenda' | 'outcomes' | 'costs' | 'gifts'>(key: K) {
    const items = draft[key] as Draft[K];
    return {
      add: (item: Draft[K][number]) => patch({ [key]: [...items, item] } as Partial<Draft>),
      remove: (i: number) => patch({ [key]: items.filter((_, j) => j !== i) } as Partial<Draft>),
      set: (i: number, p: Partial<Draft[K][number]>) => patch({ [key]: items.map((x, j) => (j === i ? { ...x, ...p } : x)) } as Partial<Draft>),
    };
  }
  const participants = list('participants');

  /** Choosing the partner adds its agreements in force on the visit's first day (or today), keeping those already linked. */
  const choosePartner = async (localityId: number | null) => {
    patch({ localityId: localityId === null ? '' : String(localityId) });
    if (localityId === null) return;
    const { rows } = await call('search.pick', { kind: 'agreement', partnerId: localityId, on: draft.startsOn || undefined, limit: 50 });
    const inForce = rows.filter((a) => a.inForce).map((a) => a.id);
    if (inForce.length) setDraft((d) => ({ ...d, agreementIds: [...new Set([...d.agreementIds, ...inForce])] }));
  };
  const agenda = list('agenda');
  const outcomes = list('outcomes');
  const costs = list('costs');
  const gifts = list('gifts');

  const err = (path: string) => (issues[path] ? <p className="field-error" role="alert">{translateMessage(t, issues[path])}</p> : null);
  const cls = (path: string) => (issues[path] ? 'has-error' : undefined);
  // A date the user has just corrected no longer carries the last save's complaint.
  const settle = (path: string) => setIssues(({ [path]: _, ...rest }) => rest);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const found: Record<string, string> = {};
    const fields = toFields(draft, found, locale);
    const parsed = visitFields.safeParse(fields);
    if (!parsed.success) for (const issue of parsed.error.issues) found[pathKey(issue.path as (string | number)[])] ??= issue.message;
    setIssues(found);
    if (Object.keys(found).length) return setMessage('errors.fixBelow');
    setSaving(true);
    try {
      const saved = editingId === null ? await create.mutateAsync(fields) : await update.mutateAsync({ ...fields, id: editingId, version: existing.data!.version });
      navigate(`/visits/${saved.id}`);
    } catch (failure) {
      const error = (failure as AppFailure).error;
      if (error?.kind === 'validation') {
        setIssues(Object.fromEntries(error.issues.map((i) => [pathKey(i.path), i.message])));
        setMessage('errors.fixBelow');
      } else setMessage(failureMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  if (!loaded) return <p>{t('app.loading')}</p>;
  const totals = sumByCurrency(
    draft.costs.map((c) => {
      const code = c.currency.trim().toUpperCase();
      const read = isCurrency(code) ? parseAmount(c.amount, code, locale) : null;
      return { currency: code || null, minor: read?.ok ? read.minor : null };
    }),
  );

  return (
    <section className="screen form-screen visit-form">
      <header className="screen-header">
        <h1>{editingId === null ? t('visits.new') : t('visits.edit')}</h1>
      </header>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormMessage message={message} />
        <fieldset>
          <legend>{t('visits.sections.trip')}</legend>
          <div className="grid">
            <div className="field">
              <label htmlFor="direction">{t('visits.fields.direction')}</label>
              <select id="direction" value={draft.direction} onChange={(e) => patch({ direction: e.target.value as Draft['direction'] })}>
                <EnumOptions values={VISIT_DIRECTIONS} prefix="visits.directionLong" />
              </select>
            </div>
            <div className="field">
              <label htmlFor="status">{t('visits.fields.status')}</label>
              <select id="status" value={draft.status} onChange={(e) => patch({ status: e.target.value as Draft['status'] })}>
                <EnumOptions values={VISIT_STATUSES} prefix="visits.status" />
              </select>
            </div>
            <Field name="startsOn" label={t('visits.fields.startsOn')} group>
              <DateField id="startsOn" aria-labelledby="startsOn-label" value={draft.startsOn} error={issues.startsOn} isRequired onChange={(startsOn) => (patch({ startsOn, endsOn: draft.endsOn || startsOn }), settle('startsOn'))} />
            </Field>
            <Field name="endsOn" label={t('visits.fields.endsOn')} group>
              <DateField id="endsOn" aria-labelledby="endsOn-label" value={draft.endsOn} error={issues.endsOn} isRequired onChange={(endsOn) => (patch({ endsOn }), settle('endsOn'))} />
            </Field>
            <Field name="localityId" label={t('visits.fields.localityId')} group>
              <RecordPicker kind="locality" id="localityId" aria-labelledby="localityId-label" value={draft.localityId ? Number(draft.localityId) : null} onChange={(id) => void choosePartner(id)} />
            </Field>
            <div className="field">
              <label htmlFor="venue">{t('visits.fields.venue')}</label>
              <input id="venue" value={draft.venue} onChange={(e) => patch({ venue: e.target.value })} />
            </div>
            <div className={`field wide ${cls('purpose') ?? ''}`}>
              <label htmlFor="purpose">{t('visits.fields.purpose')}</label>
              <input id="purpose" value={draft.purpose} onChange={(e) => patch({ purpose: e.target.value })} />
              {err('purpose')}
            </div>
            <Field name="agreementIds" label={t('visits.fields.agreementIds')} wide group>
              <RecordMultiPicker kind="agreement" id="agreementIds" aria-labelledby="agreementIds-label" value={draft.agreementIds} onChange={(agreementIds) => patch({ agreementIds })} />
            </Field>
          </div>
        </fieldset>

        <fieldset data-testid="participants">
          <legend>{t('visits.sections.participants')}</legend>
          {draft.participants.map((p, i) => (
            <div className="row-line" key={i} data-row={`participant-${i}`}>
              {p.contactId === NEW ? null : (
                <RecordPicker
                  kind="contact"
                  id={`participant-${i}`}
                  aria-label={t('visits.contact')}
                  placeholder={t('visits.chooseContact')}
                  value={p.contactId ? Number(p.contactId) : null}
                  excludeIds={draft.participants.filter((_, j) => j !== i).map((x) => Number(x.contactId)).filter((x) => x > 0)}
                  error={issues[`participants.${i}.contactId`]}
                  onChange={(id) => participants.set(i, { contactId: id === null ? '' : String(id) })}
                  onCreate={(text) => participants.set(i, { contactId: NEW, newName: text })}
                  createLabel={(text) => t('search.newContact', { name: text })}
                />
              )}
              {p.contactId === NEW ? (
                <>
                  <input aria-label={t('contacts.fields.name')} placeholder={t('contacts.fields.name')} value={p.newName} className={cls(`participants.${i}.newName`)} onChange={(e) => participants.set(i, { newName: e.target.value })} />
                  <input aria-label={t('contacts.fields.nativeName')} placeholder={t('contacts.fields.nativeName')} value={p.newNativeName} onChange={(e) => participants.set(i, { newNativeName: e.target.value })} />
                  <input aria-label={t('contacts.fields.organisation')} placeholder={t('contacts.fields.organisation')} value={p.newOrganisation} onChange={(e) => participants.set(i, { newOrganisation: e.target.value })} />
                </>
              ) : null}
              <select aria-label={t('visits.roleLabel')} value={p.role} onChange={(e) => participants.set(i, { role: e.target.value as ParticipantRole })}>
                <EnumOptions values={PARTICIPANT_ROLES} prefix="visits.role" />
              </select>
              <button type="button" className="remove" aria-label={t('visits.remove')} onClick={() => participants.remove(i)}>
                ×
              </button>
              {err(`participants.${i}.newName`)}
            </div>
          ))}
          <button type="button" onClick={() => participants.add({ contactId: '', role: 'member', newName: '', newNativeName: '', newOrganisation: '' })}>
            {t('visits.addParticipant')}
          </button>
        </fieldset>

        <fieldset data-testid="agenda">
          <legend>{t('visits.sections.agenda')}</legend>
          {draft.agenda.map((a, i) => (
            <div className="row-line" key={i}>
              <DateField id={`agenda-${i}-onDate`} aria-label={t('visits.agendaDate')} value={a.onDate} error={issues[`agenda.${i}.onDate`]} onChange={(onDate) => (agenda.set(i, { onDate }), settle(`agenda.${i}.onDate`))} />
              <TimeField id={`agenda-${i}-atTime`} aria-label={t('visits.agendaTime')} value={a.atTime} error={issues[`agenda.${i}.atTime`]} onChange={(atTime) => (agenda.set(i, { atTime }), settle(`agenda.${i}.atTime`))} />
              <input aria-label={t('visits.agendaWhat')} placeholder={t('visits.agendaWhat')} value={a.what} className={`grow ${cls(`agenda.${i}.what`) ?? ''}`} onChange={(e) => agenda.set(i, { what: e.target.value })} />
              <input aria-label={t('visits.agendaPlace')} placeholder={t('visits.agendaPlace')} value={a.place} onChange={(e) => agenda.set(i, { place: e.target.value })} />
              <input aria-label={t('visits.agendaWith')} placeholder={t('visits.agendaWith')} value={a.withWhom} onChange={(e) => agenda.set(i, { withWhom: e.target.value })} />
              <button type="button" className="remove" aria-label={t('visits.remove')} onClick={() => agenda.remove(i)}>
                ×
              </button>
              {err(`agenda.${i}.what`)}
            </div>
          ))}
          <button type="button" onClick={() => agenda.add({ onDate: draft.startsOn, atTime: '', place: '', what: '', withWhom: '' })}>
            {t('visits.addAgenda')}
          </button>
        </fieldset>

        <fieldset data-testid="outcomes">
          <legend>{t('visits.sections.outcomes')}</legend>
          {draft.outcomes.map((o, i) => (
            <div className="row-line" key={i}>
              <input aria-label={t('visits.outcome')} placeholder={t('visits.outcome')} value={o.text} className={`grow ${cls(`outcomes.${i}.text`) ?? ''}`} onChange={(e) => outcomes.set(i, { text: e.target.value })} />
              <button type="button" className="remove" aria-label={t('visits.remove')} onClick={() => outcomes.remove(i)}>
                ×
              </button>
              {err(`outcomes.${i}.text`)}
            </div>
          ))}
          <button type="button" onClick={() => outcomes.add({ id: null, text: '' })}>
            {t('visits.addOutcome')}
          </button>
        </fieldset>

        <fieldset data-testid="costs">
          <legend>{t('visits.sections.costs')}</legend>
          <datalist id="currencies">
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          {draft.costs.map((c, i) => (
            <div className="row-line" key={i}>
              <input aria-label={t('visits.costItem')} placeholder={t('visits.costItem')} value={c.item} className={`grow ${cls(`costs.${i}.item`) ?? ''}`} onChange={(e) => costs.set(i, { item: e.target.value })} />
              <MoneyInput aria-label={t('visits.amount')} placeholder={t('visits.amount')} value={c.amount} currency={c.currency} className={`amount ${cls(`costs.${i}.amountMinor`) ?? ''}`} onChange={(amount) => costs.set(i, { amount })} />
              <input aria-label={t('visits.currency')} list="currencies" value={c.currency} className={`currency ${cls(`costs.${i}.currency`) ?? ''}`} onChange={(e) => costs.set(i, { currency: e.target.value.toUpperCase() })} />
              <select aria-label={t('visits.paidByLabel')} value={c.paidBy} onChange={(e) => costs.set(i, { paidBy: e.target.value as Cost['paidBy'] })}>
                <EnumOptions values={COST_PAYERS} prefix="visits.paidBy" />
              </select>
              <button type="button" className="remove" aria-label={t('visits.remove')} onClick={() => costs.remove(i)}>
                ×
              </button>
              {err(`costs.${i}.item`)}
              {err(`costs.${i}.amountMinor`)}
              {err(`costs.${i}.currency`)}
            </div>
          ))}
          <button type="button" onClick={() => costs.add({ item: '', amount: '', currency: draft.costs.at(-1)?.currency ?? officeCurrency ?? '', paidBy: 'ours' })}>
            {t('visits.addCost')}
          </button>
          {totals.length ? (
            <p className="totals" data-testid="cost-totals">
              {t('visits.totals')}: {totals.map((x) => formatMoney(x.minor, x.currency, locale)).join(' · ')}
            </p>
          ) : null}
        </fieldset>

        <fieldset data-testid="protocol">
          <legend>{t('visits.sections.protocol')}</legend>
          {draft.gifts.map((g, i) => (
            <div className="row-line" key={i}>
              <select aria-label={t('visits.giftDirectionLabel')} value={g.direction} onChange={(e) => gifts.set(i, { direction: e.target.value as Gift['direction'] })}>
                <EnumOptions values={GIFT_DIRECTIONS} prefix="visits.giftDirection" />
              </select>
              <input aria-label={t('visits.giftWhat')} placeholder={t('visits.giftWhat')} value={g.what} className={`grow ${cls(`gifts.${i}.what`) ?? ''}`} onChange={(e) => gifts.set(i, { what: e.target.value })} />
              <input aria-label={t('visits.giftCounterpart')} placeholder={t('visits.giftCounterpart')} value={g.counterpart} onChange={(e) => gifts.set(i, { counterpart: e.target.value })} />
              <MoneyInput aria-label={t('visits.giftValue')} placeholder={t('visits.giftValue')} value={g.value} currency={g.currency} className={`amount ${cls(`gifts.${i}.valueMinor`) ?? ''}`} onChange={(value) => gifts.set(i, { value })} />
              <input aria-label={t('visits.currency')} list="currencies" value={g.currency} className={`currency ${cls(`gifts.${i}.currency`) ?? ''}`} onChange={(e) => gifts.set(i, { currency: e.target.value.toUpperCase() })} />
              <button type="button" className="remove" aria-label={t('visits.remove')} onClick={() => gifts.remove(i)}>
                ×
              </button>
              {err(`gifts.${i}.what`)}
              {err(`gifts.${i}.valueMinor`)}
              {err(`gifts.${i}.currency`)}
            </div>
          ))}
          <button type="button" onClick={() => gifts.add({ direction: draft.direction === 'outbound' ? 'given' : 'received', what: '', counterpart: '', value: '', currency: '' })}>
            {t('visits.addGift')}
          </button>
          <div className="grid protocol-notes">
            <div className="field">
              <label htmlFor="dietaryNotes">{t('visits.fields.dietaryNotes')}</label>
              <textarea id="dietaryNotes" rows={2} value={draft.dietaryNotes} onChange={(e) => patch({ dietaryNotes: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="interpreterNotes">{t('visits.fields.interpreterNotes')}</label>
              <textarea id="interpreterNotes" rows={2} value={draft.interpreterNotes} onChange={(e) => patch({ interpreterNotes: e.target.value })} />
            </div>
            <div className="field wide">
              <label htmlFor="notes">{t('visits.fields.notes')}</label>
              <textarea id="notes" rows={3} value={draft.notes} onChange={(e) => patch({ notes: e.target.value })} />
            </div>
          </div>
        </fieldset>

        <div className="actions">
          <button type="button" onClick={() => navigate(editingId ? `/visits/${editingId}` : '/visits')}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

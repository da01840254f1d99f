import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { AGREEMENT_CHANNELS, AGREEMENT_KINDS, AGREEMENT_STAGES, agreementFields, type Agreement } from '../../../../shared/contract/agreements.ts';
import { useCall, useMutate } from '../../api.ts';
import { applyServerError, failureMessage, Field, FormMessage } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { areaLabel } from '../../components/labels.ts';
import { EnumOptions } from '../../components/options.tsx';
import { RecordPicker } from '../../components/RecordPicker.tsx';
import { useLocale } from '../../i18n.ts';
import { LocalityForm } from '../localities/LocalityForm.tsx';
import { FormDateField } from '../../components/DateField.tsx';
import { SimilarAgreements } from '../../components/duplicates.tsx';

type Input = z.input<typeof agreementFields>;
type Output = z.output<typeof agreementFields>;
const FIELDS = [
  'partnerId',
  'kind',
  'stage',
  'stageDate',
  'letterOfIntentOn',
  'signedOn',
  'signedPlace',
  'signatoriesOurs',
  'signatoriesTheirs',
  'resolutionNumber',
  'resolutionOn',
  'channel',
  'areaIds',
  'renewalOn',
  'expiresOn',
  'endedOn',
  'notes',
] as const;

const EMPTY: Input = {
  partnerId: undefined as unknown as number,
  kind: 'twinning',
  stage: 'under_discussion',
  stageDate: '',
  letterOfIntentOn: '',
  signedOn: '',
  signedPlace: '',
  signatoriesOurs: '',
  signatoriesTheirs: '',
  resolutionNumber: '',
  resolutionOn: '',
  channel: 'bilateral',
  areaIds: [],
  renewalOn: '',
  expiresOn: '',
  endedOn: '',
  notes: '',
};

function toInput(a: Agreement): Input {
  const text = (v: string | null) => v ?? '';
  return {
    partnerId: a.partnerId,
    kind: a.kind,
    stage: a.stage,
    stageDate: '',
    letterOfIntentOn: text(a.letterOfIntentOn),
    signedOn: text(a.signedOn),
    signedPlace: text(a.signedPlace),
    signatoriesOurs: text(a.signatoriesOurs),
    signatoriesTheirs: text(a.signatoriesTheirs),
    resolutionNumber: text(a.resolutionNumber),
    resolutionOn: text(a.resolutionOn),
    channel: a.channel,
    areaIds: a.areaIds,
    renewalOn: text(a.renewalOn),
    expiresOn: text(a.expiresOn),
    endedOn: text(a.endedOn),
    notes: text(a.notes),
  };
}

export function AgreementForm() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const editingId = id ? Number(id) : null;
  const existing = useCall('agreements.get', { id: editingId ?? 0 }, { enabled: editingId !== null });
  const areas = useCall('areas.list', {});
  const createArea = useMutate('areas.create');
  const create = useMutate('agreements.create');
  const update = useMutate('agreements.update');
  const [message, setMessage] = useState<string | null>(null);
  // A new partner's form, open with the name typed in the picker ('' from the button).
  const [addingPartner, setAddingPartner] = useState<string | null>(null);
  const [newArea, setNewArea] = useState('');
  const [areaError, setAreaError] = useState<string | null>(null);

  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(agreementFields), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const care = useFormCare(form.formState.isDirty);
  const stage = form.watch('stage');
  const [partnerId, kind] = form.watch(['partnerId', 'kind']);
  const choosePartner = (locality: { id: number }) => {
    form.setValue('partnerId', locality.id, { shouldValidate: true });
    setAddingPartner(null);
  };

  // Refetches happen after any write; keepDirtyValues means they never wipe what the user is typing.
  useEffect(() => {
    if (existing.data) form.reset(toInput(existing.data), { keepDirtyValues: true });
  }, [existing.data, form]);
  // Opened from a partner's page (?partner=ID): that partner is chosen already.
  const presetPartner = Number(params.get('partner')) || null;
  useEffect(() => {
    if (editingId === null && presetPartner !== null && !form.getValues('partnerId')) form.setValue('partnerId', presetPartner);
  }, [editingId, presetPartner, form]);

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        const saved = existing.data
          ? await update.mutateAsync({ ...values, id: existing.data.id, version: existing.data.version })
          : await create.mutateAsync(values);
        care.release();
        navigate(`/agreements/${saved.id}`);
      } catch (failure) {
        setMessage(applyServerError(failure, form.setError, FIELDS));
        care.failed();
      }
    },
    () => (setMessage('errors.fixBelow'), care.failed()),
  );

  const addArea = async () => {
    setAreaError(null);
    try {
      const area = await createArea.mutateAsync({ name: newArea });
      form.setValue('areaIds', [...(form.getValues('areaIds') ?? []), area.id]);
      setNewArea('');
    } catch (failure) {
      setAreaError(failureMessage(failure));
    }
  };

  if (editingId !== null && existing.isLoading) return <p>{t('app.loading')}</p>;
  const stageChanged = !existing.data || existing.data.stage !== stage;
  const dateField = (name: 'letterOfIntentOn' | 'signedOn' | 'resolutionOn' | 'renewalOn' | 'expiresOn' | 'endedOn' | 'stageDate') => (
    <FormDateField control={form.control} name={name} label={t(`fields.${name}`)} />
  );
  const textField = (name: 'signedPlace' | 'signatoriesOurs' | 'signatoriesTheirs' | 'resolutionNumber') => (
    <Field name={name} label={t(`fields.${name}`)} error={errors[name]?.message}>
      <input id={name} {...form.register(name)} autoComplete="off" />
    </Field>
  );

  return (
    <section className="screen form-screen">
      <header className="screen-header">
        <h1>{existing.data ? t('agreements.edit') : t('agreements.new')}</h1>
      </header>
      {addingPartner !== null ? (
        <div className="panel" role="dialog" aria-label={t('agreements.newPartner')}>
          <h2>{t('agreements.newPartner')}</h2>
          <LocalityForm
            idPrefix="partner"
            name={addingPartner}
            onCancel={() => setAddingPartner(null)}
            onSaved={choosePartner}
            onChooseExisting={choosePartner}
          />
        </div>
      ) : null}
      <form ref={care.ref} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormMessage message={message} />
        <fieldset>
          <legend>{t('agreements.details')}</legend>
          <div className="grid">
            <Field name="partnerId" label={t('fields.partnerId')} wide group>
              <div className="inline">
                <Controller
                  control={form.control}
                  name="partnerId"
                  render={({ field, fieldState }) => (
                    <RecordPicker
                      kind="locality"
                      id="partnerId"
                      aria-labelledby="partnerId-label"
                      placeholder={t('agreements.choosePartner')}
                      value={typeof field.value === 'number' ? field.value : null}
                      onChange={(id) => field.onChange(id ?? undefined)}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                      error={fieldState.error?.message}
                      isRequired
                      onCreate={(text) => setAddingPartner(text)}
                      createLabel={(text) => t('search.newPartner', { name: text })}
                    />
                  )}
                />
                <button type="button" onClick={() => setAddingPartner('')}>
                  {t('agreements.newPartner')}
                </button>
              </div>
            </Field>
            <Field name="kind" label={t('fields.kind')} error={errors.kind?.message}>
              <select id="kind" {...form.register('kind')}>
                <EnumOptions values={AGREEMENT_KINDS} prefix="kind" />
              </select>
            </Field>
            <Field name="stage" label={t('fields.stage')} error={errors.stage?.message}>
              <select id="stage" {...form.register('stage')}>
                <EnumOptions values={AGREEMENT_STAGES} prefix="stage" />
              </select>
            </Field>
            {stageChanged ? dateField('stageDate') : null}
            <Field name="channel" label={t('fields.channel')} error={errors.channel?.message}>
              <select id="channel" {...form.register('channel')}>
                <EnumOptions values={AGREEMENT_CHANNELS} prefix="channel" />
              </select>
            </Field>
          </div>
          <SimilarAgreements partnerId={partnerId ? Number(partnerId) : undefined} kind={kind} excludeId={existing.data?.id} />
        </fieldset>
        <fieldset>
          <legend>{t('agreements.signature')}</legend>
          <div className="grid">
            {dateField('letterOfIntentOn')}
            {dateField('signedOn')}
            {textField('signedPlace')}
            {textField('signatoriesOurs')}
            {textField('signatoriesTheirs')}
            {textField('resolutionNumber')}
            {dateField('resolutionOn')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('agreements.dates')}</legend>
          <div className="grid">
            {dateField('renewalOn')}
            {dateField('expiresOn')}
            {dateField('endedOn')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('fields.areaIds')}</legend>
          <Controller
            control={form.control}
            name="areaIds"
            render={({ field }) => {
              const chosen = field.value ?? [];
              return (
                <div className="areas">
                  {(areas.data ?? []).map((a) => (
                    <label key={a.id} className="check">
                      <input
                        type="checkbox"
                        checked={chosen.includes(a.id)}
                        onChange={(e) => field.onChange(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
                      />
                      {areaLabel(t, a)}
                    </label>
                  ))}
                </div>
              );
            }}
          />
          <div className="inline add-area">
            <input
              aria-label={t('agreements.newAreaName')}
              placeholder={t('agreements.newAreaName')}
              value={newArea}
              onChange={(e) => setNewArea(e.target.value)}
            />
            <button type="button" onClick={() => void addArea()}>
              {t('agreements.newArea')}
            </button>
          </div>
          {areaError ? <FormMessage message={areaError} /> : null}
          {errors.areaIds?.message ? <FormMessage message={errors.areaIds.message} /> : null}
        </fieldset>
        <Field name="notes" label={t('fields.notes')} error={errors.notes?.message} wide>
          <textarea id="notes" rows={4} {...form.register('notes')} />
        </Field>
        <div className="actions">
          <button type="button" onClick={() => (care.release(), navigate(existing.data ? `/agreements/${existing.data.id}` : '/agreements'))}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { localIsoDate } from '../../../../shared/dates.ts';
import { TASK_PRIORITIES, TASK_STATUSES, taskFields, type Task } from '../../../../shared/contract/tasks.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useMutate } from '../../api.ts';
import { applyServerError, Field, FormActions, FormMessage } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { EnumOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';
import { FormDateField } from '../../components/DateField.tsx';
import { NamePicker, RecordPicker } from '../../components/RecordPicker.tsx';

type Input = z.input<typeof taskFields>;
type Output = z.output<typeof taskFields>;

const FIELDS = ['title', 'description', 'dueOn', 'assignee', 'priority', 'status', 'completedOn', 'link'] as const;

const LINK_KINDS = ['agreement', 'visit', 'commitment'] as const;
type LinkKind = (typeof LINK_KINDS)[number];
const isLinkKind = (v: string): v is LinkKind => (LINK_KINDS as readonly string[]).includes(v);

function defaults(task: Task | undefined): Input {
  if (!task) return { title: '', description: '', dueOn: '', assignee: '', priority: 'normal', status: 'open', completedOn: '', link: null };
  return {
    title: task.title,
    description: task.description ?? '',
    dueOn: task.dueOn ?? '',
    assignee: task.assignee ?? '',
    priority: task.priority,
    status: task.status,
    completedOn: task.completedOn ?? '',
    link: task.link ? { kind: task.link.kind, id: task.link.id } : null,
  };
}

/**
 * Creates a task, or edits every field of an existing one: a done task's
 * completion date starts at today when it is ticked here and can be set back
 * to the day it was really done (never a day still to come: the server says so
 * next to the field).
 */
export function TaskForm({ task, staff, onDone }: { task?: Task; staff: string[]; onDone: () => void }) {
  const { t, locale } = useLocale();
  const create = useMutate('tasks.create');
  const update = useMutate('tasks.update');
  const [message, setMessage] = useState<string | null>(null);
  const today = localIsoDate(new Date());
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(taskFields), defaultValues: defaults(task) });
  const { errors, isSubmitting } = form.formState;
  const care = useFormCare(form.formState.isDirty);
  const status = form.watch('status');
  const p = task ? `task-${task.id}` : 'task-new';
  // A name typed in a sheet or by an earlier staff list stays choosable.
  const people = task?.assignee && !staff.includes(task.assignee) ? [task.assignee, ...staff] : staff;

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        if (task) await update.mutateAsync({ ...values, id: task.id, version: task.version });
        else await create.mutateAsync(values);
        care.release();
        onDone();
      } catch (failure) {
        setMessage(applyServerError(failure, form.setError, FIELDS));
        care.failed();
      }
    },
    () => (setMessage('errors.fixBelow'), care.failed()),
  );

  // What kind of record the task hangs from, then which one (searched as typed, shown even when archived).
  const [linkKind, setLinkKind] = useState<LinkKind | ''>(task?.link?.kind ?? '');

  const statusField = form.register('status', {
    onChange: (e: { target: { value: string } }) => {
      // Ticked done here: done today unless a day is given; any other status has no completion date.
      if (e.target.value === 'done') {
        if (!form.getValues('completedOn')) form.setValue('completedOn', today);
      } else form.setValue('completedOn', '');
    },
  });

  return (
    <form
      ref={care.ref}
      className={task ? 'form task-form' : 'form panel task-form'}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="task-form"
      aria-label={task ? t('tasks.editTitle', { title: task.title }) : t('tasks.new')}
    >
      <FormMessage message={message} />
      <div className="grid">
        <Field name={`${p}-title`} label={t('tasks.fields.title')} error={errors.title?.message} wide>
          <input id={`${p}-title`} {...form.register('title')} />
        </Field>
        <FormDateField control={form.control} name="dueOn" id={`${p}-dueOn`} label={t('tasks.fields.dueOn')} />
        <Field name={`${p}-assignee`} label={t('tasks.fields.assignee')} group>
          <Controller
            control={form.control}
            name="assignee"
            render={({ field, fieldState }) => (
              <NamePicker
                id={`${p}-assignee`}
                aria-labelledby={`${p}-assignee-label`}
                names={people}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                error={fieldState.error?.message}
                placeholder={t('common.none')}
              />
            )}
          />
        </Field>
        <Field name={`${p}-priority`} label={t('tasks.fields.priority')} error={errors.priority?.message}>
          <select id={`${p}-priority`} {...form.register('priority')}>
            <EnumOptions values={TASK_PRIORITIES} prefix="tasks.priority" />
          </select>
        </Field>
        <Field name={`${p}-status`} label={t('tasks.fields.status')} error={errors.status?.message}>
          <select id={`${p}-status`} {...statusField}>
            <EnumOptions values={TASK_STATUSES} prefix="tasks.status" />
          </select>
        </Field>
        {status === 'done' ? (
          <FormDateField
            control={form.control}
            name="completedOn"
            id={`${p}-completedOn`}
            label={t('tasks.fields.completedOn')}
            help={t('tasks.completedOnHelp', { date: formatDate(today, locale) })}
          />
        ) : null}
        <Field name={`${p}-link`} label={t('tasks.fields.link')} wide group>
          <Controller
            control={form.control}
            name="link"
            render={({ field, fieldState }) => (
              <div className="inline">
                <select
                  id={`${p}-link-kind`}
                  aria-label={t('search.linkKind')}
                  value={linkKind}
                  onChange={(e) => {
                    const kind = e.target.value;
                    setLinkKind(isLinkKind(kind) ? kind : '');
                    field.onChange(null);
                  }}
                >
                  <option value="">{t('common.none')}</option>
                  {LINK_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`tasks.linkGroups.${k}`)}
                    </option>
                  ))}
                </select>
                {linkKind ? (
                  <RecordPicker
                    kind={linkKind}
                    id={`${p}-link`}
                    aria-labelledby={`${p}-link-label`}
                    value={field.value?.kind === linkKind ? field.value.id : null}
                    onChange={(id) => field.onChange(id === null ? null : { kind: linkKind, id })}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    error={fieldState.error?.message}
                  />
                ) : null}
              </div>
            )}
          />
        </Field>
        <Field name={`${p}-description`} label={t('tasks.fields.description')} error={errors.description?.message} wide>
          <textarea id={`${p}-description`} rows={2} {...form.register('description')} />
        </Field>
      </div>
      <FormActions onCancel={() => (care.release(), onDone())} submitting={isSubmitting} />
    </form>
  );
}

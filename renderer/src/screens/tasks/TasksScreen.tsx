import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { localIsoDate } from '../../../../shared/calendar-date.ts';
import type { AppFailure } from '../../../../shared/contract/result.ts';
import { TASK_PRIORITIES, TASK_VIEWS, taskFields, type TaskView } from '../../../../shared/contract/tasks.ts';
import { useCall, useMutate } from '../../api.ts';
import { applyServerError, failureMessage, Field, FormMessage } from '../../components/form.tsx';
import { EnumOptions } from '../../components/options.tsx';
import { TaskLine } from '../../components/tasks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { FormDateField } from '../../components/DateField.tsx';

type Input = z.input<typeof taskFields>;
type Output = z.output<typeof taskFields>;

export function TasksScreen() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as TaskView | null) ?? 'open';
  const days = Number(params.get('days') ?? 7) || 7;
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search);
  const list = useCall('tasks.list', { view, days, search: debounced || undefined, limit: 500 }, { placeholderData: keepPreviousData });
  const settings = useCall('settings.get', {});
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const today = localIsoDate(new Date());
  const set = (key: string, value: string) =>
    setParams((p) => {
      p.set(key, value);
      return p;
    });

  return (
    <section className="screen tasks-screen">
      <header className="screen-header">
        <h1>{t('tasks.title')}</h1>
        <button type="button" className="primary" onClick={() => setAdding((a) => !a)}>
          {t('tasks.new')}
        </button>
      </header>
      {adding ? <TaskForm staff={settings.data?.staff ?? []} onDone={() => setAdding(false)} /> : null}
      <div className="filters" role="search">
        <div className="tabs" role="tablist">
          {TASK_VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'tab active' : 'tab'} onClick={() => set('view', v)}>
              {t(`tasks.view.${v}`, { days })}
            </button>
          ))}
        </div>
        {view === 'due_soon' ? (
          <label className="check">
            {t('tasks.days')}
            <input type="number" min={1} max={366} value={days} onChange={(e) => set('days', e.target.value)} style={{ width: 70 }} />
          </label>
        ) : null}
        <input type="search" aria-label={t('common.search')} placeholder={t('tasks.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="count" aria-live="polite">
          {list.data ? t('common.results', { count: list.data.total }) : ''}
        </span>
      </div>
      {view === 'mine' && !settings.data?.userName ? <p className="muted">{t('tasks.noUserName')}</p> : null}
      <FormMessage message={message} />
      <ul className="task-list panel">
        {list.data?.rows.length === 0 ? <li className="muted">{t('tasks.empty')}</li> : null}
        {(list.data?.rows ?? []).map((task) => (
          <TaskLine key={task.id} task={task} today={today} onError={(f) => setMessage(failureMessage(f))} deletable />
        ))}
      </ul>
    </section>
  );
}

const FIELDS = ['title', 'description', 'dueOn', 'assignee', 'priority', 'status', 'completedOn', 'link'] as const;

/** A task not tied to a visit outcome; it can still be linked to an agreement. */
function TaskForm({ staff, onDone }: { staff: string[]; onDone: () => void }) {
  const { t } = useLocale();
  const create = useMutate('tasks.create');
  const agreements = useCall('agreements.list', { limit: 10000 });
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(taskFields),
    defaultValues: { title: '', description: '', dueOn: '', assignee: '', priority: 'normal', status: 'open', completedOn: '', link: null },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      onDone();
    } catch (failure) {
      setMessage(applyServerError(failure as AppFailure, form.setError, FIELDS));
    }
  });
  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} noValidate>
      <FormMessage message={message} />
      <div className="grid">
        <Field name="title" label={t('tasks.fields.title')} error={errors.title?.message} wide>
          <input id="title" {...form.register('title')} />
        </Field>
        <FormDateField control={form.control} name="dueOn" label={t('tasks.fields.dueOn')} />
        <Field name="assignee" label={t('tasks.fields.assignee')} error={errors.assignee?.message}>
          <select id="assignee" {...form.register('assignee')}>
            <option value="">{t('common.none')}</option>
            {staff.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field name="priority" label={t('tasks.fields.priority')} error={errors.priority?.message}>
          <select id="priority" {...form.register('priority')}>
            <EnumOptions values={TASK_PRIORITIES} prefix="tasks.priority" />
          </select>
        </Field>
        <Field name="link" label={t('tasks.linkKind.agreement')} error={errors.link?.message}>
          <select
            id="link"
            {...form.register('link', { setValueAs: (v: unknown) => (v ? { kind: 'agreement', id: Number(v) } : null) })}
          >
            <option value="">{t('common.none')}</option>
            {(agreements.data?.rows ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.partnerName}
                {a.partnerNativeName ? ` · ${a.partnerNativeName}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field name="description" label={t('tasks.fields.description')} error={errors.description?.message} wide>
          <textarea id="description" rows={2} {...form.register('description')} />
        </Field>
      </div>
      <div className="actions">
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

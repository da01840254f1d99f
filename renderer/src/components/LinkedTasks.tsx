import { useState } from 'react';
import { localIsoDate } from '../../../shared/dates.ts';
import type { TaskLink } from '../../../shared/contract/tasks.ts';
import { useCall, useMutate } from '../api.ts';
import { failureMessage, FormMessage } from './form.tsx';
import { TaskLine } from './tasks.tsx';
import { useLocale } from '../i18n.ts';
import { DateField } from './DateField.tsx';
import './linked-tasks.css';

/** The follow-up tasks hanging from one record (a commitment, an agreement), and a one-line form to add another. */
export function LinkedTasks({ link, heading }: { link: TaskLink; heading: string }) {
  const { t } = useLocale();
  const tasks = useCall('tasks.list', { view: 'all', link, limit: 200 });
  const staff = useCall('settings.get', {}).data?.staff ?? [];
  const create = useMutate('tasks.create');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [assignee, setAssignee] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const onError = (failure: unknown) => setMessage(failureMessage(failure));
  const add = async () => {
    setMessage(null);
    try {
      await create.mutateAsync({ title, dueOn: dueOn || null, assignee: assignee || null, link });
      setTitle('');
      setDueOn('');
    } catch (failure) {
      onError(failure);
    }
  };
  const today = localIsoDate(new Date());
  return (
    <section className={`linked-tasks ${link.kind}-tasks`} data-testid={`${link.kind}-tasks`}>
      <h2>{heading}</h2>
      <ul className="task-list">
        {tasks.data?.rows.length === 0 ? <li className="muted">{t('common.none')}</li> : null}
        {/* Here every task follows up this record: the link back to it would only repeat the page. */}
        {tasks.data?.rows.map((task) => (
          <TaskLine key={task.id} task={{ ...task, link: null }} today={today} onError={onError} />
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label={t('tasks.fields.title')} placeholder={t('tasks.fields.title')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <DateField id={`${link.kind}-task-dueOn`} aria-label={t('tasks.fields.dueOn')} value={dueOn} onChange={setDueOn} />
        <select aria-label={t('tasks.fields.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('tasks.fields.assignee')}…</option>
          {staff.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={create.isPending}>
          {t('tasks.new')}
        </button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}

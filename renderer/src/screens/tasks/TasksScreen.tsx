import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { localIsoDate } from '../../../../shared/dates.ts';
import { TASK_VIEWS, type TaskView } from '../../../../shared/contract/tasks.ts';
import { useCall } from '../../api.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { TaskLine } from '../../components/tasks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { TaskForm } from './TaskForm.tsx';
import { settingsLink } from '../settings/SettingsSection.tsx';

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
  const [editing, setEditing] = useState<number | null>(null);
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
      {view === 'mine' && !settings.data?.userName ? (
        <p className="muted">
          {t('tasks.noUserName')} <Link to={settingsLink('office')}>{t('firstrun.links.setName')}</Link>
        </p>
      ) : null}
      <FormMessage message={message} />
      <ul className="task-list panel">
        {list.data?.rows.length === 0 ? <li className="muted">{t('tasks.empty')}</li> : null}
        {(list.data?.rows ?? []).map((task) =>
          editing === task.id ? (
            <li key={task.id} className="task-edit-row">
              <TaskForm task={task} staff={settings.data?.staff ?? []} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <TaskLine key={task.id} task={task} today={today} onError={(f) => setMessage(failureMessage(f))} onEdit={() => setEditing(task.id)} deletable />
          ),
        )}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { ROLES, MIN_PASSWORD, type Role, type UserRow } from '../../../../shared/contract/users.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useCall, useMutate } from '../../api.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { useLocale } from '../../i18n.ts';

/**
 * Settings → Users (admins only): the office server's accounts. Add, change the role, disable
 * or enable, set a new password. The services refuse the same for anyone else; this section
 * is only where an admin does it.
 */
export function UsersPanel() {
  const { t, locale } = useLocale();
  const users = useCall('users.list', {});
  const create = useMutate('users.create');
  const update = useMutate('users.update');
  const reset = useMutate('users.resetPassword');
  const settings = useCall('settings.get', {});
  const saveSettings = useMutate('settings.update');
  const [idle, setIdle] = useState<string | null>(null);
  const confirm = useConfirm();
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', login: '', role: 'editor' as Role, password: '' });
  const [resetting, setResetting] = useState<{ id: number; password: string } | null>(null);

  const run = async (work: () => Promise<unknown>, done: string, params: Record<string, string> = {}) => {
    setMessage(null);
    setSaved(null);
    try {
      await work();
      setSaved(t(done, params));
      return true;
    } catch (failure) {
      setMessage(failureMessage(failure));
      return false;
    }
  };
  const add = async () => {
    if (await run(() => create.mutateAsync(draft), 'users.screen.added', { name: draft.name })) setDraft({ name: '', login: '', role: 'editor', password: '' });
  };
  const setRole = (u: UserRow, role: Role) =>
    void run(() => update.mutateAsync({ id: u.id, version: u.version, role }), 'users.screen.roleChanged', { name: u.name, role: t(`users.roles.${role}`) });
  const toggle = async (u: UserRow) => {
    if (!u.disabled) {
      const yes = await confirm({
        title: t('users.screen.disableTitle', { name: u.name }),
        message: t('users.screen.disableHelp'),
        action: t('users.screen.disable'),
        destructive: true,
      });
      if (!yes) return;
    }
    await run(
      () => update.mutateAsync({ id: u.id, version: u.version, disabled: !u.disabled }),
      u.disabled ? 'users.screen.enabled' : 'users.screen.disabledDone',
      { name: u.name },
    );
  };
  const savePassword = async (u: UserRow) => {
    if (resetting && (await run(() => reset.mutateAsync({ id: u.id, password: resetting.password }), 'users.screen.passwordSet', { name: u.name })))
      setResetting(null);
  };

  return (
    <div>
      <p>{t('users.screen.help')}</p>
      <FormMessage message={message} />
      {saved ? (
        <p className="notice-ok" role="status">
          {saved}
        </p>
      ) : null}
      <table className="simple-table">
        <thead>
          <tr>
            <th scope="col">{t('users.screen.name')}</th>
            <th scope="col">{t('users.screen.login')}</th>
            <th scope="col">{t('users.screen.role')}</th>
            <th scope="col">{t('users.screen.state')}</th>
            <th scope="col">{t('users.screen.lastLogin')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.screen.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
              <td>{u.name}</td>
              <td>{u.login}</td>
              <td>
                <select aria-label={t('users.screen.roleOf', { name: u.name })} value={u.role} onChange={(e) => setRole(u, e.target.value as Role)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`users.roles.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.disabled ? t('users.state.disabled') : t('users.state.active')}</td>
              <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('users.screen.never')}</td>
              <td className="row-actions">
                {resetting?.id === u.id ? (
                  <>
                    <input
                      type="password"
                      autoComplete="new-password"
                      aria-label={t('users.screen.newPasswordFor', { name: u.name })}
                      value={resetting.password}
                      onChange={(e) => setResetting({ id: u.id, password: e.target.value })}
                    />
                    <button type="button" className="primary" onClick={() => void savePassword(u)}>
                      {t('users.screen.setPassword')}
                    </button>
                    <button type="button" onClick={() => setResetting(null)}>
                      {t('common.cancel')}
                    </button>
                  </>
                ) : (
                  <>
                    <button type="button" onClick={() => setResetting({ id: u.id, password: '' })}>
                      {t('users.screen.resetPassword')}
                    </button>
                    <button type="button" className={u.disabled ? undefined : 'danger'} onClick={() => void toggle(u)}>
                      {u.disabled ? t('users.screen.enable') : t('users.screen.disable')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field idle-field">
        <label htmlFor="session-idle">{t('users.screen.idle')}</label>
        <input
          id="session-idle"
          type="number"
          min={1}
          max={72}
          value={idle ?? String(settings.data?.sessionIdleHours ?? 8)}
          onChange={(e) => setIdle(e.target.value)}
          onBlur={() => {
            if (idle !== null) void run(() => saveSettings.mutateAsync({ sessionIdleHours: Number(idle) }), 'common.saved');
          }}
        />
      </div>
      <fieldset>
        <legend>{t('users.screen.add')}</legend>
        <div className="grid">
          <div className="field">
            <label htmlFor="new-user-name">{t('users.screen.name')}</label>
            <input id="new-user-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="new-user-login">{t('users.screen.login')}</label>
            <input
              id="new-user-login"
              autoCapitalize="none"
              spellCheck={false}
              value={draft.login}
              onChange={(e) => setDraft({ ...draft, login: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="new-user-role">{t('users.screen.role')}</label>
            <select id="new-user-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`users.roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-user-password">{t('users.screen.password')}</label>
            <input
              id="new-user-password"
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            />
            <span className="muted">{t('users.screen.passwordHelp', { min: MIN_PASSWORD })}</span>
          </div>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void add()} disabled={create.isPending}>
            {t('users.screen.addButton')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}

import { useState } from 'react';
import { call, useMutate } from '../../api.ts';
import { failureMessage, FieldMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

/**
 * Where the backups go, shown as a path with "Open". The desktop app changes it with the system's
 * folder picker; the browser build (which has none) takes a typed path, checked by the server
 * (absolute, and a file can be written there). "Default" goes back to the folder beside the data file.
 */
export function BackupFolder({ dir, defaultDir, custom }: { dir: string | undefined; defaultDir: string | undefined; custom: boolean }) {
  const { t } = useLocale();
  const setFolder = useMutate('backups.setFolder');
  const [typing, setTyping] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  /** Clears the last line, runs `fn`, and puts a failure under the folder in the user's words. */
  const attempt = async (fn: () => Promise<void>) => {
    setError(null);
    setNote(null);
    try {
      await fn();
    } catch (failure) {
      setError(failureMessage(failure));
    }
  };
  const use = (chosen: string | null) =>
    attempt(async () => {
      await setFolder.mutateAsync({ dir: chosen });
      setTyping(null);
      setNote(t('common.saved'));
    });
  const change = () =>
    attempt(async () => {
      const picked = await call('app.chooseFolder', {});
      // No picker here (the browser): type the path instead.
      if (!picked.available) setTyping(custom ? (dir ?? '') : '');
      else if (picked.dir) await use(picked.dir);
    });
  const open = () =>
    attempt(async () => {
      const result = await call('backups.openFolder', {});
      if (!result.opened) setNote(t('firstrun.backups.openHere', { dir: result.dir }));
    });
  return (
    <div className="field wide backup-folder">
      <span className="label" id="backupDir-label">
        {t('backups.folder')}
      </span>
      <div className="path-line">
        <code data-testid="backup-dir">{dir}</code>
        <span className="muted">{custom ? null : t('firstrun.backups.isDefault')}</span>
        <span className="path-actions">
          <button type="button" onClick={() => void open()}>
            {t('firstrun.backups.open')}
          </button>
          <button type="button" onClick={() => void change()} disabled={setFolder.isPending}>
            {t('firstrun.backups.change')}
          </button>
          {custom ? (
            <button type="button" onClick={() => void use(null)} disabled={setFolder.isPending}>
              {t('firstrun.backups.useDefault')}
            </button>
          ) : null}
        </span>
      </div>
      {typing !== null ? (
        <form
          className="inline"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void use(typing.trim() || null);
          }}
        >
          <label htmlFor="backupDir" className="visually-hidden">
            {t('firstrun.backups.typePath')}
          </label>
          <input
            id="backupDir"
            value={typing}
            placeholder={defaultDir ?? ''}
            onChange={(e) => setTyping(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={error ? 'backupDir-error' : 'backupDir-help'}
            autoFocus
          />
          <button type="submit" className="primary" disabled={setFolder.isPending}>
            {t('backups.useFolder')}
          </button>
          <button type="button" onClick={() => setTyping(null)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : null}
      <FieldMessage id="backupDir-error" message={error} />
      <div role="status" className="save-status">
        {note ? <p className="notice-ok">{note}</p> : null}
      </div>
      <p className="muted" id="backupDir-help">
        {typing !== null ? t('backups.folderHelp', { dir: defaultDir ?? '' }) : t('firstrun.backups.help')}
      </p>
    </div>
  );
}

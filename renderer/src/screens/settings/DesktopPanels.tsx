import { useState } from 'react';
import { call, useMutate } from '../../api.ts';
import { FormMessage, useAction } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

const isDesktop = () => !!window.twinning;

/** Where the data file is, and (desktop app) moving it to another folder on this computer; a network folder is refused. */
export function DataFilePanel({ dbPath }: { dbPath: string | undefined }) {
  const { t } = useLocale();
  const move = useMutate('app.moveDataFile');
  const { message, act } = useAction();
  const [dir, setDir] = useState('');
  const [movedTo, setMovedTo] = useState<string | null>(null);
  return (
    <>
      {isDesktop() ? <p>{t('desktop.dataLocation.intro')}</p> : null}
      <p>
        {t('desktop.dataLocation.current')}: <code data-testid="db-path">{dbPath}</code>
      </p>
      {isDesktop() ? (
        <div className="field wide">
          <label htmlFor="dataDir">{t('desktop.dataLocation.folder')}</label>
          <div className="inline">
            <input id="dataDir" value={dir} onChange={(e) => setDir(e.target.value)} aria-invalid={!!message} aria-describedby="data-dir-message" />
            <button
              type="button"
              disabled={move.isPending || !dir.trim()}
              onClick={() => void act(async () => setMovedTo((await move.mutateAsync({ dir })).file))}
            >
              {move.isPending ? t('desktop.dataLocation.moving') : t('desktop.dataLocation.move')}
            </button>
          </div>
          <div id="data-dir-message">
            <FormMessage message={message} />
          </div>
          {movedTo ? (
            <p className="notice-ok" role="status">
              <code>{movedTo}</code>
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('desktop.dataLocation.desktopOnly')}</p>
      )}
    </>
  );
}

/** "Open log folder": the desktop app opens it; the browser build says where it is. */
export function LogsPanel() {
  const { t } = useLocale();
  const { message, act } = useAction();
  const [shownDir, setShownDir] = useState<string | null>(null);
  return (
    <>
      <p>{t('desktop.logs.intro')}</p>
      <button
        type="button"
        onClick={() =>
          void act(async () => {
            const result = await call('app.openLogFolder', {});
            setShownDir(result.opened ? null : result.dir);
          })
        }
      >
        {t('desktop.logs.open')}
      </button>
      {shownDir ? <p className="muted">{t('desktop.logs.desktopOnly', { dir: shownDir })}</p> : null}
      <FormMessage message={message} />
    </>
  );
}

import { useState } from 'react';
import type { ServerProbe } from '../../../../shared/contract/desktop.ts';
import { LANGUAGES, type Language } from '../../../../shared/contract/settings.ts';
import { call, downloadFile, onOfficeServer, useCall, useMutate } from '../../api.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

const LANGUAGE_NAMES = { es: 'Español', pt: 'Português', en: 'English' } as const;

declare global {
  interface Window {
    /** Set by the desktop's preload on the office server's pages: the way back to this computer's file. */
    twinningDesktop?: { workLocally(): Promise<void> };
  }
}

/** The section shows on the office server (anyone: their language, an admin's backup), and on the desktop's own file to an admin (connecting). */
export const showWhereToWork = (admin: boolean) => onOfficeServer() || (window.twinning !== undefined && window.twinningDesktop === undefined && admin);

/**
 * Desktop: where the app works. On this computer's own file (as always), or on the office
 * server: its address, then its certificate's fingerprint shown to compare with the one the
 * server printed, then connect (the fingerprint is pinned; a different one is refused later).
 */
export function WhereToWorkPanel({ admin }: { admin: boolean }) {
  const { t } = useLocale();
  const [address, setAddress] = useState('');
  const [probed, setProbed] = useState<ServerProbe | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = useCall('me.get', {});
  const setOwn = useMutate('me.update');

  const attempt = async (work: () => Promise<void>) => {
    setMessage(null);
    setBusy(true);
    try {
      await work();
    } catch (failure) {
      setMessage(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  // A browser or the desktop, on the office server: an admin may take a copy of the server's file.
  if (onOfficeServer()) {
    return (
      <div>
        <p>{t('desktopServer.onServer', { origin: window.location.origin })}</p>
        <FormMessage message={message} />
        <div className="field idle-field">
          <label htmlFor="own-language">{t('desktopServer.ownLanguage')}</label>
          <select
            id="own-language"
            value={me.data?.language ?? ''}
            onChange={(e) => void attempt(async () => void (await setOwn.mutateAsync({ language: (e.target.value || null) as Language | null })))}
          >
            <option value="">{t('desktopServer.officeLanguage')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          {admin ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => void attempt(() => downloadFile('/backup', `Twinning Desk ${new Date().toISOString().slice(0, 10)}.sqlite`))}
            >
              {t('desktopServer.downloadBackup')}
            </button>
          ) : null}
          {window.twinningDesktop ? (
            <button type="button" onClick={() => void window.twinningDesktop?.workLocally()}>
              {t('desktopServer.workLocally')}
            </button>
          ) : null}
        </div>
      </div>
    );
  }
  return (
    <div>
      <p>{t('desktopServer.local')}</p>
      <FormMessage message={message} />
      <div className="field">
        <label htmlFor="server-address">{t('desktopServer.address')}</label>
        <input
          id="server-address"
          placeholder="https://192.168.1.20:8443"
          value={address}
          onChange={(e) => {
            setAddress(e.target.value);
            setProbed(null);
          }}
        />
      </div>
      {probed ? (
        <div className="notice" role="status">
          <p>{t('desktopServer.compare', { origin: probed.origin })}</p>
          <p>
            <code className="fingerprint">{probed.fingerprint}</code>
          </p>
        </div>
      ) : null}
      <div className="actions">
        {probed ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void attempt(async () => void (await call('desktop.connectServer', { address, fingerprint: probed.fingerprint })))}
          >
            {t('desktopServer.connect')}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy || address.trim() === ''}
            onClick={() => void attempt(async () => setProbed(await call('desktop.probeServer', { address })))}
          >
            {t('desktopServer.check')}
          </button>
        )}
      </div>
    </div>
  );
}

import { lazy, Suspense, useEffect, useState } from 'react';
import { Keyboard } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useLocale } from '../i18n.ts';
import { matchShortcut, shortcutKeys, type Shortcut } from './shortcuts.ts';
import './search.css';

const SearchDialog = lazy(() => import('./SearchDialogs.tsx').then((m) => ({ default: m.SearchDialog })));
const HelpDialog = lazy(() => import('./SearchDialogs.tsx').then((m) => ({ default: m.HelpDialog })));

// The header's search box and the app's keyboard shortcuts: Ctrl+K (⌘K) opens one dialog that finds
// partners, agreements, people, visits, commitments and tasks (search.global), with the records
// opened lately when nothing is typed; F1 lists the shortcuts.

export function GlobalSearch() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [searching, setSearching] = useState(false);
  const [helping, setHelping] = useState(false);
  const mac = isMac();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = matchShortcut(e, mac);
      if (!shortcut) return;
      e.preventDefault();
      run(shortcut);
    };
    const run = (shortcut: Shortcut) => {
      if (shortcut === 'search' || shortcut === 'help') {
        (shortcut === 'search' ? setSearching : setHelping)(true);
        return;
      }
      setSearching(false);
      setHelping(false);
      void navigate(shortcut === 'newVisit' ? '/visits/new' : '/tasks?new=1');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mac, navigate]);

  return (
    <div className="topbar" role="search" aria-label={t('search.region')}>
      <button type="button" className="search-box" onClick={() => setSearching(true)} aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}>
        <span aria-hidden="true" className="search-icon">
          ⌕
        </span>
        <span className="search-box-text">{t('search.box')}</span>
        <Keyboard className="search-box-keys">{shortcutKeys('search', mac, t)}</Keyboard>
      </button>
      <button type="button" className="help-button" onClick={() => setHelping(true)} aria-keyshortcuts="F1">
        {t('search.help')}
      </button>
      <Suspense fallback={null}>
        {searching ? <SearchDialog isOpen onClose={() => setSearching(false)} /> : null}
        {helping ? <HelpDialog isOpen onClose={() => setHelping(false)} mac={mac} /> : null}
      </Suspense>
    </div>
  );
}

function isMac(): boolean {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac/i.test(platform);
}

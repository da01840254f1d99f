import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  Autocomplete,
  Collection,
  Dialog,
  Header,
  Heading,
  Input,
  Keyboard,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import { useNavigate } from 'react-router';
import type { SearchHit, SearchKind } from '../../../shared/contract/search.ts';
import { useCall } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { hitPath, hitText } from './search-hits.ts';
import { useDebounced } from './useDebounced.ts';
import { forgetRecent, readRecent, rememberRecent } from './recent.ts';
import { shortcutKeys, SHORTCUTS } from './shortcuts.ts';

// The search dialog and Help, loaded when first opened (they carry React Aria's list and autocomplete).

type Group = { kind: SearchKind | 'recent'; hits: SearchHit[] };

export function SearchDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const typed = useDebounced(query.trim(), 120);
  const found = useCall('search.global', { query: typed }, { enabled: isOpen && typed !== '', placeholderData: keepPreviousData });
  const [recent, setRecent] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (isOpen) {
      setQuery('');
      setRecent(readRecent());
    }
  }, [isOpen]);

  const groups: Group[] = query.trim() === '' ? (recent.length ? [{ kind: 'recent', hits: recent }] : []) : typed === '' ? [] : (found.data?.groups ?? []);
  const byKey = new Map<string, SearchHit>(groups.flatMap((g) => g.hits.map((h) => [`${h.kind}:${h.id}`, h] as const)));
  const open = (key: string) => {
    const hit = byKey.get(key);
    if (!hit) return;
    rememberRecent(hit);
    onClose();
    void navigate(hitPath(hit));
  };

  return (
    <ModalOverlay className="search-overlay" isOpen={isOpen} onOpenChange={(o) => (o ? undefined : onClose())} isDismissable>
      <Modal className="search-modal">
        <Dialog className="search-dialog" aria-label={t('search.title')}>
          <Autocomplete inputValue={query} onInputChange={setQuery}>
            <TextField className="search-field" aria-label={t('search.title')} autoFocus>
              <Input className="search-input" placeholder={t('search.placeholder')} />
            </TextField>
            {/* The results scroll inside the dialog: keyboard users reach them by the arrows from the input (virtual focus),
                and the scrolling box itself takes focus so the page's scroll keys reach it too. */}
            <div className="search-scroll" tabIndex={0} role="region" aria-label={t('search.results')}>
              <ListBox
                className="search-results"
                aria-label={t('search.results')}
                items={groups}
                onAction={(key) => open(String(key))}
                renderEmptyState={() => (
                  <p className="search-empty">
                    {query.trim() === ''
                      ? t('search.hint')
                      : found.isFetching || typed !== query.trim()
                        ? t('app.loading')
                        : t('search.nothingFoundFor', { query: query.trim() })}
                  </p>
                )}
              >
                {(group) => (
                  <ListBoxSection id={group.kind} className="search-group">
                    <Header className="search-group-header">{t(`search.kinds.${group.kind}`)}</Header>
                    <Collection items={group.hits.map((hit) => ({ ...hit, key: `${hit.kind}:${hit.id}` }))} idScope={group.kind}>
                      {(hit) => {
                        const text = hitText(t, locale, hit);
                        return (
                          <ListBoxItem id={hit.key} textValue={text.title} className="search-hit">
                            <span className="search-hit-title">{text.title}</span>
                            <span className="search-hit-detail">
                              {group.kind === 'recent' ? `${t(`search.kind.${hit.kind}`)}${text.detail ? ' · ' : ''}` : ''}
                              {text.detail}
                            </span>
                          </ListBoxItem>
                        );
                      }}
                    </Collection>
                  </ListBoxSection>
                )}
              </ListBox>
            </div>
          </Autocomplete>
          <p className="search-footer">
            {t('search.footer')}
            {query.trim() === '' && recent.length ? (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  forgetRecent();
                  setRecent([]);
                }}
              >
                {t('search.clearRecent')}
              </button>
            ) : null}
          </p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export function HelpDialog({ isOpen, onClose, mac }: { isOpen: boolean; onClose: () => void; mac: boolean }) {
  const { t } = useLocale();
  return (
    <ModalOverlay className="search-overlay" isOpen={isOpen} onOpenChange={(o) => (o ? undefined : onClose())} isDismissable>
      <Modal className="search-modal help-modal">
        <Dialog className="help-dialog">
          <Heading slot="title">{t('search.shortcuts')}</Heading>
          <table className="shortcut-table">
            <thead>
              <tr>
                <th scope="col">{t('search.keys')}</th>
                <th scope="col">{t('search.action')}</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s}>
                  <td>
                    <Keyboard>{shortcutKeys(s, mac, t)}</Keyboard>
                  </td>
                  <td>{t(`search.shortcut.${s}`)}</td>
                </tr>
              ))}
              {(['move', 'open', 'close'] as const).map((s) => (
                <tr key={s}>
                  <td>
                    <Keyboard>{t(`search.inDialogKeys.${s}`)}</Keyboard>
                  </td>
                  <td>{t(`search.inDialog.${s}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('search.desktopNote', { keys: mac ? '⌘N' : 'Ctrl+N' })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

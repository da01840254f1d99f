import { LANGUAGES, type Language } from '../../shared/languages.ts';
import { useLocale } from './i18n.ts';

/** The browser's first language we speak; the office's own setting cannot be read without the token. */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = tag.slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  }
  return 'es';
}

/**
 * `npm run web` opened without the address it printed (or with a token from an earlier run):
 * no data can be reached, and saying "could not reach the data service" would misdiagnose it.
 */
export function NoAccess() {
  const { t } = useLocale();
  return (
    <main className="no-access">
      <p>{t('web.noToken')}</p>
    </main>
  );
}

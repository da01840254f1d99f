import type { TFunction } from 'i18next';
import type { SearchHit } from '../../../shared/contract/search.ts';
import { countryName } from '../../../shared/countries.ts';
import { formatDate } from '../../../shared/format.ts';
import { twoScripts } from '../../../shared/names.ts';

/** A found record's name (both scripts) and a line of facts in the user's language, for the search box and the pickers. */
export function hitText(t: TFunction, locale: string, hit: SearchHit): { title: string; detail: string } {
  const title = twoScripts(hit.name, hit.nativeName);
  const date = hit.date ? formatDate(hit.date, locale) : null;
  const parts: (string | null)[] = (() => {
    switch (hit.kind) {
      case 'locality':
        return [hit.code ? countryName(hit.code, locale) : null];
      case 'agreement':
        return [hit.code ? t(`kind.${hit.code}`) : null, hit.inForce ? t('search.inForce') : null];
      case 'contact':
        return [hit.detail];
      case 'visit':
        return [hit.code ? t(`visits.direction.${hit.code}`) : null, date, hit.detail];
      case 'commitment':
        return [hit.detail, hit.code ? t(`commitments.kind.${hit.code}`) : null];
      case 'task':
        return [hit.code ? t(`tasks.status.${hit.code}`) : null, date];
    }
  })();
  return { title, detail: parts.filter(Boolean).join(' · ') };
}

/** Where a found record opens. */
export function hitPath(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  switch (hit.kind) {
    case 'locality':
      return `/localities/${hit.id}`;
    case 'agreement':
      return `/agreements/${hit.id}`;
    case 'contact':
      return `/contacts/${hit.id}`;
    case 'visit':
      return `/visits/${hit.id}`;
    case 'commitment':
      return `/commitments/${hit.id}`;
    case 'task':
      return `/tasks?view=all&task=${hit.id}`;
  }
}

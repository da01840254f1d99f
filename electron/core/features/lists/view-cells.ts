import type { TFunction } from 'i18next';
import type { AgreementRow } from '../../../../shared/contract/agreements.ts';
import type { CommitmentRow } from '../../../../shared/contract/commitments.ts';
import type { ContactRow } from '../../../../shared/contract/contacts.ts';
import type { Locality } from '../../../../shared/contract/localities.ts';
import type { Task } from '../../../../shared/contract/tasks.ts';
import type { VisitRow } from '../../../../shared/contract/visits.ts';
import { countryName } from '../../../../shared/countries.ts';
import { formatDate, formatNumber } from '../../../../shared/format.ts';
import type { ColumnId, ListName } from '../../../../shared/lists/columns.ts';
import { formatMoney, minorDigits } from '../../../../shared/money.ts';
import { twoScripts } from '../../../../shared/names.ts';
import { countFormat, dayFormat, moneyFormat } from '../../exchange/xlsx/formats.ts';
import { Shown } from '../../exchange/xlsx/write.ts';

// What each column of a list screen says about a row: names in both scripts, enums translated,
// and days, amounts and delivered quantities as values. The CSV writes every value as the screen
// does (text in the office's locale). The XLSX writes days, amounts and quantities as cells a
// spreadsheet computes with, so they sort, filter and add up as what they are: a day as a date
// shown in the office's numeric order (01/03/2027), an amount as a number in major units shown
// with its currency's code and decimals, a delivered count as a number shown in the progress
// line's words ("3 de 5 becas").

type Say = { t: TFunction; locale: string };

/** A column's value for one row: text, or something a spreadsheet can compute with. */
export type ViewValue =
  | string
  /** A day (ISO); a visit's has its last day too, shown after it. */
  | { day: string; until?: string }
  /** An amount in minor units of its currency. */
  | { minor: number; currency: string }
  /** How much of a commitment was delivered, of how much, in what unit. */
  | { delivered: number; quantity: number; unit: string | null };

type Cells<R, L extends ListName> = { [C in ColumnId<L>]: (row: R, say: Say) => ViewValue };

const date = (iso: string | null): ViewValue => (iso === null ? '' : { day: iso });

/** The value as the screen writes it, in the office's words and locale (the CSV's cells). */
export function viewText(value: ViewValue, { t, locale }: Say): string {
  if (typeof value === 'string') return value;
  if ('day' in value)
    return value.until !== undefined ? `${formatDate(value.day, locale)} – ${formatDate(value.until, locale)}` : formatDate(value.day, locale);
  if ('minor' in value) return formatMoney(value.minor, value.currency, locale);
  return progressText(value, t, formatNumber(value.delivered, locale), locale);
}

/**
 * The value as a spreadsheet cell (the XLSX's cells): text as text, nothing as a blank cell (not an
 * empty text, which counts as filled), the rest as a date or a number shown like the screen.
 */
export function viewSheetCell(value: ViewValue, { t, locale }: Say): string | Shown | null {
  if (value === '') return null;
  if (typeof value === 'string') return value;
  if ('day' in value) {
    const after = value.until !== undefined ? ` – ${formatDate(value.until, locale, 'numeric')}` : '';
    return new Shown(new Date(`${value.day}T00:00:00Z`), dayFormat(locale, after));
  }
  if ('minor' in value) return new Shown(value.minor / 10 ** minorDigits(value.currency), moneyFormat(value.currency, locale));
  // The delivered count is the cell's number; "of 5 scholarships" is its format's text, split around it.
  const [before = '', after = ''] = progressText(value, t, PLACE, locale).split(PLACE);
  return new Shown(value.delivered, countFormat(before, after));
}

/** Where the delivered count goes in the progress line's words (a character no translation holds). */
const PLACE = '\u0000';

function progressText(value: { quantity: number; unit: string | null }, t: TFunction, delivered: string, locale: string): string {
  const params = { delivered, quantity: formatNumber(value.quantity, locale), unit: value.unit ?? '' };
  return value.unit ? t('commitments.progressUnit', params) : t('commitments.progress', params);
}

export const VIEW_CELLS: {
  agreements: Cells<AgreementRow, 'agreements'>;
  visits: Cells<VisitRow, 'visits'>;
  commitments: Cells<CommitmentRow, 'commitments'>;
  contacts: Cells<ContactRow, 'contacts'>;
  localities: Cells<Locality, 'localities'>;
  tasks: Cells<Task, 'tasks'>;
} = {
  agreements: {
    partner: (r) => twoScripts(r.partnerName, r.partnerNativeName),
    country: (r, { locale }) => countryName(r.country, locale),
    kind: (r, { t }) => t(`kind.${r.kind}`),
    stage: (r, { t }) => t(`stage.${r.stage}`),
    signedOn: (r) => date(r.signedOn),
  },
  visits: {
    startsOn: (r) => (r.endsOn !== r.startsOn ? { day: r.startsOn, until: r.endsOn } : { day: r.startsOn }),
    purpose: (r) => r.purpose,
    place: (r) => (r.localityName ? twoScripts(r.localityName, r.localityNativeName) : ''),
    direction: (r, { t }) => t(`visits.direction.${r.direction}`),
    status: (r, { t }) => t(`visits.status.${r.status}`),
  },
  commitments: {
    partner: (r) => twoScripts(r.partnerName, r.partnerNativeName),
    description: (r, { t }) => `${t(`commitments.kind.${r.kind}`)} · ${r.description}`,
    direction: (r, { t }) => t(`commitments.direction.${r.direction}`),
    delivered: (r) => ({ delivered: r.delivered, quantity: r.quantity, unit: r.unit }),
    value: (r) => (r.valueMinor !== null && r.currency !== null ? { minor: r.valueMinor, currency: r.currency } : ''),
    dueOn: (r) => date(r.dueOn),
    status: (r, { t }) => t(`commitments.status.${r.status}`),
  },
  contacts: {
    name: (r) => twoScripts(r.name, r.nativeName),
    title: (r) => r.title ?? '',
    organisation: (r) => r.organisation ?? '',
    email: (r) => r.email ?? '',
  },
  localities: {
    name: (r) => r.name,
    nativeName: (r) => r.nativeName ?? '',
    country: (r, { locale }) => countryName(r.country, locale),
    level: (r, { t }) => t(`level.${r.level}`),
    parent: (r) => r.parentName ?? '',
  },
  tasks: {
    title: (r) => r.title,
    dueOn: (r) => date(r.dueOn),
    priority: (r, { t }) => t(`tasks.priority.${r.priority}`),
    assignee: (r) => r.assignee ?? '',
    status: (r, { t }) => t(`tasks.status.${r.status}`),
    link: (r, { t }) => (r.link ? `${t(`tasks.linkKind.${r.link.kind}`)}: ${r.link.label}` : ''),
  },
};

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
import { formatMoney } from '../../../../shared/money.ts';
import { twoScripts } from '../../../../shared/names.ts';

// What each column of a list screen says about a row, as text the office reads: names in both
// scripts, enums translated, dates and amounts the office's way. The file says what the screen says.

type Say = { t: TFunction; locale: string };
type Cells<R, L extends ListName> = { [C in ColumnId<L>]: (row: R, say: Say) => string | number };

const date = (iso: string | null, { locale }: Say) => formatDate(iso, locale);

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
    signedOn: (r, say) => date(r.signedOn, say),
  },
  visits: {
    startsOn: (r, say) => (r.endsOn !== r.startsOn ? `${date(r.startsOn, say)} – ${date(r.endsOn, say)}` : date(r.startsOn, say)),
    purpose: (r) => r.purpose,
    place: (r) => (r.localityName ? twoScripts(r.localityName, r.localityNativeName) : ''),
    direction: (r, { t }) => t(`visits.direction.${r.direction}`),
    status: (r, { t }) => t(`visits.status.${r.status}`),
  },
  commitments: {
    partner: (r) => twoScripts(r.partnerName, r.partnerNativeName),
    description: (r, { t }) => `${t(`commitments.kind.${r.kind}`)} · ${r.description}`,
    direction: (r, { t }) => t(`commitments.direction.${r.direction}`),
    delivered: (r, { t, locale }) => {
      const params = { delivered: formatNumber(r.delivered, locale), quantity: formatNumber(r.quantity, locale), unit: r.unit ?? '' };
      return r.unit ? t('commitments.progressUnit', params) : t('commitments.progress', params);
    },
    value: (r, { locale }) => (r.valueMinor !== null && r.currency !== null ? formatMoney(r.valueMinor, r.currency, locale) : ''),
    dueOn: (r, say) => date(r.dueOn, say),
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
    dueOn: (r, say) => date(r.dueOn, say),
    priority: (r, { t }) => t(`tasks.priority.${r.priority}`),
    assignee: (r) => r.assignee ?? '',
    status: (r, { t }) => t(`tasks.status.${r.status}`),
    link: (r, { t }) => (r.link ? `${t(`tasks.linkKind.${r.link.kind}`)}: ${r.link.label}` : ''),
  },
};

import type { CalendarEntry, CalendarKind } from '../../../../../shared/contract/calendar.ts';
import { titlePattern, type CalendarSource, type SourceContext } from '../source.ts';
import { twoScripts } from '../../../../../shared/names.ts';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The date an agreement signed on `signedOn` has its anniversary in `year`.
 * One signed on 29 February is remembered on 28 February in other years, so
 * it stays in the month it belongs to.
 */
export function anniversaryIn(signedOn: string, year: number): string {
  const monthDay = signedOn.slice(5);
  return monthDay === '02-29' && !isLeap(year) ? `${year}-02-28` : `${year}-${monthDay}`;
}

type Row = {
  id: number;
  kind: string;
  signed_on: string | null;
  renewal_on: string | null;
  expires_on: string | null;
  ended_on: string | null;
  version: number;
  updated_at: string;
  partner: string;
  native_name: string | null;
};

const ordinalRules = new Map<string, Intl.PluralRules>();
/** "5th", "5.º": the ordinal rule of the language picks the key, the locale file the form. */
function ordinal(s: SourceContext, n: number): string {
  let rules = ordinalRules.get(s.language);
  if (!rules) ordinalRules.set(s.language, (rules = new Intl.PluralRules(s.language, { type: 'ordinal' })));
  return titlePattern(s, `calendar.ordinal.${rules.select(n)}`, ['n'])({ n: String(n) });
}

function entry(s: SourceContext, r: Row, kind: CalendarKind, date: string, title: string, idSuffix = ''): CalendarEntry {
  return {
    id: `${kind}:${r.id}${idSuffix}`,
    kind,
    variant: null,
    title,
    start: date,
    end: date,
    allDay: true,
    place: null,
    notes: twoScripts(r.partner, r.native_name),
    link: { entity: 'agreement', id: r.id },
    movable: false,
    version: null,
    updatedAt: kind === 'anniversary' ? null : r.updated_at,
  };
}

const AGREEMENT_DATE_KINDS: CalendarKind[] = ['anniversary', 'renewal', 'expiry'];

/** Agreement anniversaries (every year on the signature date), renewal and expiry dates. */
export const agreementDatesSource: CalendarSource = {
  kinds: AGREEMENT_DATE_KINDS,
  async entries(s) {
    const { q } = s;
    const want = new Set<CalendarKind>(q.kinds ?? AGREEMENT_DATE_KINDS);
    let query = s.db
      .selectFrom('agreements as a')
      .innerJoin('localities as l', 'l.id', 'a.partner_id')
      .select([
        'a.id',
        'a.kind',
        'a.signed_on',
        'a.renewal_on',
        'a.expires_on',
        'a.ended_on',
        'a.version',
        'a.updated_at',
        'l.name as partner',
        'l.native_name',
      ])
      .where('a.archived_at', 'is', null)
      .where((eb) =>
        eb.or([
          // Anniversaries need a signature before the range ends (the 1st falls a year later).
          ...(want.has('anniversary') ? [eb('a.signed_on', '<', q.to)] : []),
          ...(want.has('renewal') ? [eb('a.renewal_on', '>=', q.from).and('a.renewal_on', '<=', q.to)] : []),
          ...(want.has('expiry') ? [eb('a.expires_on', '>=', q.from).and('a.expires_on', '<=', q.to)] : []),
        ]),
      );
    if (q.partnerId !== undefined) query = query.where('a.partner_id', '=', q.partnerId);
    if (q.agreementId !== undefined) query = query.where('a.id', '=', q.agreementId);
    const rows = await query.execute();

    const out: CalendarEntry[] = [];
    const inRange = (d: string | null): d is string => d !== null && d >= q.from && d <= q.to;
    const firstYear = Number(q.from.slice(0, 4));
    const lastYear = Number(q.to.slice(0, 4));
    const titles = {
      anniversary: titlePattern(s, 'calendar.titles.anniversary', ['ordinal', 'what']),
      renewal: titlePattern(s, 'calendar.titles.renewal', ['what']),
      expiry: titlePattern(s, 'calendar.titles.expiry', ['what']),
    };
    for (const r of rows) {
      const pair = s.ownName ? `${s.ownName}–${r.partner}` : r.partner;
      const what = titlePattern(s, `calendar.agreementOf.${r.kind}`, ['pair'])({ pair });
      if (want.has('anniversary') && r.signed_on) {
        const signedYear = Number(r.signed_on.slice(0, 4));
        for (let year = Math.max(firstYear, signedYear + 1); year <= lastYear; year++) {
          const date = anniversaryIn(r.signed_on, year);
          // An ended agreement has no more anniversaries after it ended.
          if (!inRange(date) || (r.ended_on && date > r.ended_on)) continue;
          const title = titles.anniversary({ ordinal: ordinal(s, year - signedYear), what });
          out.push(entry(s, r, 'anniversary', date, title, `:${year}`));
        }
      }
      if (want.has('renewal') && inRange(r.renewal_on)) out.push(entry(s, r, 'renewal', r.renewal_on, titles.renewal({ what })));
      if (want.has('expiry') && inRange(r.expires_on)) out.push(entry(s, r, 'expiry', r.expires_on, titles.expiry({ what })));
    }
    return out;
  },
};

import i18next, { type i18n, type TFunction } from 'i18next';
import { splitMessage } from '../contract/result.ts';
import type { Language } from '../contract/settings.ts';
import { formatNumber } from '../format.ts';
import { LANGUAGE_TAGS } from '../region.ts';
import enCalendar from './locales/en/calendar.json' with { type: 'json' };
import enCommitments from './locales/en/commitments.json' with { type: 'json' };
import enCore from './locales/en/core.json' with { type: 'json' };
import enData from './locales/en/data.json' with { type: 'json' };
import esCalendar from './locales/es/calendar.json' with { type: 'json' };
import esCommitments from './locales/es/commitments.json' with { type: 'json' };
import esCore from './locales/es/core.json' with { type: 'json' };
import esData from './locales/es/data.json' with { type: 'json' };
import ptCalendar from './locales/pt/calendar.json' with { type: 'json' };
import ptCommitments from './locales/pt/commitments.json' with { type: 'json' };
import ptCore from './locales/pt/core.json' with { type: 'json' };
import enReports from './locales/en/reports.json' with { type: 'json' };
import esReports from './locales/es/reports.json' with { type: 'json' };
import ptReports from './locales/pt/reports.json' with { type: 'json' };
import ptData from './locales/pt/data.json' with { type: 'json' };
import enVisits from './locales/en/visits.json' with { type: 'json' };
import enUndo from './locales/en/undo.json' with { type: 'json' };
import esVisits from './locales/es/visits.json' with { type: 'json' };
import esUndo from './locales/es/undo.json' with { type: 'json' };
import ptVisits from './locales/pt/visits.json' with { type: 'json' };
import ptUndo from './locales/pt/undo.json' with { type: 'json' };
import enServer from './locales/en/server.json' with { type: 'json' };
import esServer from './locales/es/server.json' with { type: 'json' };
import ptServer from './locales/pt/server.json' with { type: 'json' };
import enRegion from './locales/en/region.json' with { type: 'json' };
import esRegion from './locales/es/region.json' with { type: 'json' };
import ptRegion from './locales/pt/region.json' with { type: 'json' };
import enDesktop from './locales/en/desktop.json' with { type: 'json' };
import esDesktop from './locales/es/desktop.json' with { type: 'json' };
import ptDesktop from './locales/pt/desktop.json' with { type: 'json' };
import enFields from './locales/en/fields.json' with { type: 'json' };
import esFields from './locales/es/fields.json' with { type: 'json' };
import ptFields from './locales/pt/fields.json' with { type: 'json' };
import enRecords from './locales/en/records.json' with { type: 'json' };
import esRecords from './locales/es/records.json' with { type: 'json' };
import ptRecords from './locales/pt/records.json' with { type: 'json' };
import enFigures from './locales/en/figures.json' with { type: 'json' };
import esFigures from './locales/es/figures.json' with { type: 'json' };
import ptFigures from './locales/pt/figures.json' with { type: 'json' };
import enJobs from './locales/en/jobs.json' with { type: 'json' };
import esJobs from './locales/es/jobs.json' with { type: 'json' };
import enLists from './locales/en/lists.json' with { type: 'json' };
import esLists from './locales/es/lists.json' with { type: 'json' };
import ptLists from './locales/pt/lists.json' with { type: 'json' };
import ptJobs from './locales/pt/jobs.json' with { type: 'json' };
import enForms from './locales/en/forms.json' with { type: 'json' };
import esForms from './locales/es/forms.json' with { type: 'json' };
import ptForms from './locales/pt/forms.json' with { type: 'json' };
import enMap from './locales/en/map.json' with { type: 'json' };
import esMap from './locales/es/map.json' with { type: 'json' };
import ptMap from './locales/pt/map.json' with { type: 'json' };
import enPartners from './locales/en/partners.json' with { type: 'json' };
import esPartners from './locales/es/partners.json' with { type: 'json' };
import ptPartners from './locales/pt/partners.json' with { type: 'json' };
import enTeam from './locales/en/team.json' with { type: 'json' };
import esTeam from './locales/es/team.json' with { type: 'json' };
import ptTeam from './locales/pt/team.json' with { type: 'json' };
import enFirstrun from './locales/en/firstrun.json' with { type: 'json' };
import esFirstrun from './locales/es/firstrun.json' with { type: 'json' };
import ptFirstrun from './locales/pt/firstrun.json' with { type: 'json' };
import enSearch from './locales/en/search.json' with { type: 'json' };
import esSearch from './locales/es/search.json' with { type: 'json' };
import ptSearch from './locales/pt/search.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

// One file per feature and language, merged deeply so features may share a
// section (`enums`, `nav`); two files giving the same key is a mistake we refuse.
export function mergeLocales(...parts: Tree[]): Tree {
  const into: Tree = {};
  const visit = (target: Tree, source: Tree, at: string) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      const where = at ? `${at}.${key}` : key;
      if (existing === undefined) target[key] = typeof value === 'string' ? value : visit({}, value, where);
      else if (typeof existing === 'string' || typeof value === 'string') throw new Error(`i18n key defined twice: ${where}`);
      else visit(existing, value, where);
    }
    return target;
  };
  for (const part of parts) visit(into, part, '');
  return into;
}
const merge = mergeLocales;

export const resources = {
  es: {
    translation: merge(
      esCore,
      esData,
      esCalendar,
      esCommitments,
      esVisits,
      esReports,
      esUndo,
      esFigures,
      esRecords,
      esFields,
      esJobs,
      esDesktop,
      esRegion,
      esServer,
      esTeam,
      esFirstrun,
      esPartners,
      esMap,
      esSearch,
      esForms,
      esLists,
    ),
  },
  pt: {
    translation: merge(
      ptCore,
      ptData,
      ptCalendar,
      ptCommitments,
      ptVisits,
      ptReports,
      ptUndo,
      ptFigures,
      ptRecords,
      ptFields,
      ptJobs,
      ptDesktop,
      ptRegion,
      ptServer,
      ptTeam,
      ptFirstrun,
      ptPartners,
      ptMap,
      ptSearch,
      ptForms,
      ptLists,
    ),
  },
  en: {
    translation: merge(
      enCore,
      enData,
      enCalendar,
      enCommitments,
      enVisits,
      enReports,
      enUndo,
      enFigures,
      enRecords,
      enFields,
      enJobs,
      enDesktop,
      enRegion,
      enServer,
      enTeam,
      enFirstrun,
      enPartners,
      enMap,
      enSearch,
      enForms,
      enLists,
    ),
  },
};

/**
 * `{{columns, number}}` in a message is written the office's way: the region's
 * separators (es-PE 16,384, es-UY 16.384), as every other number, not the
 * language's own (i18next's built-in formatter writes `es`, "16.384", anywhere).
 */
export function regionNumbers(instance: i18n, locale: () => string): void {
  instance.services.formatter?.add('number', (value: unknown) => (typeof value === 'number' ? formatNumber(value, locale()) : String(value)));
}

/**
 * A separate instance per use, so a report in Portuguese never flips the app's
 * language. `locale`: the office's (language + region), read when a number is written.
 */
export function createI18n(language: Language, locale: () => string = () => LANGUAGE_TAGS[language]): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'es',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  regionNumbers(instance, locale);
  return instance;
}

/** Translates a message that crossed the boundary as `key|{params}`. */
export function translateMessage(t: TFunction, message: string): string {
  const { key, params } = splitMessage(message);
  return t(key, params as Record<string, string>);
}

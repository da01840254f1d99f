import { countryName } from '../../../shared/countries.ts';
import type { ReportLocale } from './format.ts';

// Enum values printed in the report's language, with the app's own translations.

export const areaName = (l: ReportLocale, area: { code: string | null; name: string | null }) => (area.code ? l.t(`area.${area.code}`) : (area.name ?? ''));
export const stageName = (l: ReportLocale, stage: string) => l.t(`stage.${stage}`);
export const kindName = (l: ReportLocale, kind: string) => l.t(`kind.${kind}`);
export const levelName = (l: ReportLocale, level: string) => l.t(`level.${level}`);
export const country = (l: ReportLocale, code: string) => countryName(code, l.tag);

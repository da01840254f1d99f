import type { TFunction } from 'i18next';

/** Built-in areas are translated; areas the office added keep the name it typed. */
export const areaLabel = (t: TFunction, area: { code: string | null; name: string | null }) => (area.code ? t(`area.${area.code}`) : (area.name ?? ''));

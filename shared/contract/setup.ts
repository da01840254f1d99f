import { z } from './zod-messages.ts';
import { countryCode, id, optionalText } from './common.ts';
import { language, settingsShape } from './settings.ts';

const cityRequired = (v: { ownLocalityId: number | null; cityName: string | null; cityCountry: string | null }, issues: z.RefinementCtx) => {
  if (v.ownLocalityId !== null) return;
  if (!v.cityName) issues.addIssue({ code: 'custom', path: ['cityName'], message: 'errors.required' });
  if (!v.cityCountry) issues.addIssue({ code: 'custom', path: ['cityCountry'], message: 'errors.required' });
};

/** Who the office is: its name, its own city (one already known, or a new one by name and country), the user and the language. */
const officeObject = z
  .object({
    officeName: z.string().trim().min(1, 'errors.required').max(200),
    ownLocalityId: id.nullable(),
    cityName: optionalText(200),
    cityNativeName: optionalText(200),
    cityCountry: countryCode.nullable(),
    userName: settingsShape.shape.userName,
    language,
  })
  .strict();
export const officeUpdate = officeObject.superRefine(cityRequired);
export type OfficeInput = z.input<typeof officeUpdate>;

/** The first-run set-up: the office, plus how it writes numbers and money, and the staff. */
export const setupComplete = officeObject
  .extend({ country: settingsShape.shape.country, currency: settingsShape.shape.currency, staff: settingsShape.shape.staff })
  .strict()
  .superRefine(cityRequired);
export type SetupInput = z.input<typeof setupComplete>;

/** What `sample.remove` took out and what it kept (changed or used by the user), per table. */
export type SampleRemoval = { removed: Record<string, number>; kept: Record<string, number> };

/** The app's languages. Apart from the contract (and zod) so the first screen can know them without loading either. */
export const LANGUAGES = ['es', 'pt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

import type { Kysely } from 'kysely';
import type { Signatures } from '../../../shared/contract/settings.ts';
import type { DB } from '../db/schema.ts';
import { readSettings } from '../features/settings/store.ts';

export type OfficeInfo = { name: string; localityName: string | null; localityNative: string | null; localityCountry: string | null; signatures: Signatures };

/** The office's name and own locality, printed on the cover and in every page header. */
export async function officeInfo(db: Kysely<DB>): Promise<OfficeInfo> {
  const settings = await readSettings(db);
  const own = settings.ownLocalityId
    ? await db.selectFrom('localities').select(['name', 'native_name', 'country']).where('id', '=', settings.ownLocalityId).executeTakeFirst()
    : undefined;
  return {
    name: settings.officeName,
    localityName: own?.name ?? null,
    localityNative: own?.native_name ?? null,
    localityCountry: own?.country ?? null,
    signatures: settings.signatures,
  };
}

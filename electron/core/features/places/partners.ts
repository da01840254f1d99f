import type { Kysely } from 'kysely';
import type { AgreementStage } from '../../../../shared/contract/agreements.ts';
import type { MapPartners } from '../../../../shared/contract/places.ts';
import type { DB } from '../../db/schema.ts';
import { readSetting } from '../settings/store.ts';
import { leadingStage } from '../../../../shared/map/stages.ts';

// The partners the map shows: each partner locality once, coloured by the stage
// of its furthest-along agreement (a place with a signed agreement and an old
// letter of intent is a signed partner), with the office's own city as the origin.

export async function mapPartners(db: Kysely<DB>): Promise<MapPartners> {
  const ownId = await readSetting(db, 'ownLocalityId');
  const rows = await db
    .selectFrom('agreements as a')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .select(['l.id', 'l.name', 'l.native_name as nativeName', 'l.country', 'l.latitude', 'l.longitude', 'a.id as agreementId', 'a.stage'])
    .where('a.archived_at', 'is', null)
    .where('l.archived_at', 'is', null)
    .orderBy('l.search_text')
    .orderBy('l.id')
    .execute();
  const byPlace = new Map<number, MapPartners['partners'][number]>();
  for (const r of rows) {
    if (r.id === ownId) continue;
    const stage = r.stage as AgreementStage;
    const known = byPlace.get(r.id);
    if (!known) {
      byPlace.set(r.id, {
        id: r.id,
        name: r.name,
        nativeName: r.nativeName,
        country: r.country,
        latitude: r.latitude,
        longitude: r.longitude,
        stage,
        agreements: 1,
      });
    } else {
      known.agreements++;
      known.stage = leadingStage(known.stage, stage);
    }
  }
  const own =
    ownId === null
      ? undefined
      : await db
          .selectFrom('localities')
          .select(['id', 'name', 'native_name as nativeName', 'latitude', 'longitude'])
          .where('id', '=', ownId)
          .executeTakeFirst();
  return { office: own ?? null, partners: [...byPlace.values()] };
}

import type { Ctx } from '../../app/context.ts';
import { createAgreement } from '../agreements/public.ts';
import { createLocality } from '../localities/public.ts';
import { readSettings, writeSettings } from '../settings/public.ts';
import { sampleExtensions } from './extensions.ts';
import type { SampleBase } from './public.ts';

// The Municipality of Lima and its real twinning with Shanghai (July 2018, from
// the brief), plus partners marked 'invented' that exist only to show the app.
export async function loadSampleData(ctx: Ctx) {
  const areaIds = new Map(
    (await ctx.db.selectFrom('thematic_areas').select(['id', 'code']).where('code', 'is not', null).execute()).map((a) => [a.code, a.id]),
  );
  const areas = (...codes: string[]) => codes.map((c) => areaIds.get(c)).filter((id): id is number => id !== undefined);
  const base = {
    signedPlace: null,
    signatoriesOurs: null,
    signatoriesTheirs: null,
    resolutionNumber: null,
    resolutionOn: null,
    renewalOn: null,
    expiresOn: null,
    endedOn: null,
    letterOfIntentOn: null,
    signedOn: null,
    notes: null,
  };

  // Coordinates as the gazetteer suggests them (resources/gazetteer/places.json), so the sample has a map.
  const lima = await createLocality(
    { name: 'Lima', nativeName: null, country: 'PE', level: 'city', parentId: null, latitude: -12.0432, longitude: -77.0282 },
    ctx,
    'real',
  );
  const shanghai = await createLocality(
    { name: 'Shanghai', nativeName: '上海市', country: 'CN', level: 'city', parentId: null, latitude: 31.2222, longitude: 121.4581 },
    ctx,
    'real',
  );
  const fujian = await createLocality(
    { name: 'Fujian', nativeName: '福建省', country: 'CN', level: 'province', parentId: null, latitude: 26.0614, longitude: 119.3061 },
    ctx,
    'invented',
  );
  const zhangzhou = await createLocality(
    { name: 'Zhangzhou', nativeName: '漳州市', country: 'CN', level: 'city', parentId: fujian.id, latitude: 24.5133, longitude: 117.6556 },
    ctx,
    'invented',
  );
  const guangxi = await createLocality(
    { name: 'Guangxi', nativeName: '广西壮族自治区', country: 'CN', level: 'region', parentId: null, latitude: 22.8167, longitude: 108.3167 },
    ctx,
    'invented',
  );
  const guilin = await createLocality(
    { name: 'Guilin', nativeName: '桂林市', country: 'CN', level: 'city', parentId: guangxi.id, latitude: 25.2802, longitude: 110.2964 },
    ctx,
    'invented',
  );
  const kobe = await createLocality(
    { name: 'Kobe', nativeName: '神戸市', country: 'JP', level: 'city', parentId: null, latitude: 34.6913, longitude: 135.183 },
    ctx,
    'invented',
  );
  const cordoba = await createLocality(
    { name: 'Córdoba', nativeName: null, country: 'AR', level: 'province', parentId: null, latitude: -31.4135, longitude: -64.181 },
    ctx,
    'invented',
  );

  const limaShanghai = await createAgreement(
    {
      ...base,
      partnerId: shanghai.id,
      kind: 'twinning',
      stage: 'active',
      stageDate: '2018-07-01',
      signedOn: '2018-07-01',
      signedPlace: 'Shanghai',
      channel: 'bilateral',
      areaIds: areas('planning', 'construction', 'urban_administration', 'economy_commerce', 'science_technology', 'education', 'sports'),
      notes:
        'Hermanamiento firmado en julio de 2018 (el día exacto es aproximado en estos datos de ejemplo). ' +
        'Shanghai donó automóviles y una camioneta a la municipalidad y seis becas completas para escolares de colegios públicos y sus tutores.',
    },
    ctx,
    'real',
  );
  const limaFujian = await createAgreement(
    {
      ...base,
      partnerId: fujian.id,
      kind: 'friendship',
      stage: 'active',
      stageDate: '2016-11-21',
      letterOfIntentOn: '2015-05-20',
      signedOn: '2016-11-21',
      signedPlace: 'Fuzhou',
      resolutionNumber: 'AC-112-2016',
      resolutionOn: '2016-10-14',
      channel: 'forum',
      areaIds: areas('trade', 'tourism', 'culture'),
      notes: 'Ejemplo inventado: acuerdo de amistad a nivel provincial firmado en el Foro China-CELAC de Gobiernos Locales.',
    },
    ctx,
    'invented',
  );
  const limaZhangzhou = await createAgreement(
    {
      ...base,
      partnerId: zhangzhou.id,
      kind: 'twinning',
      stage: 'letter_of_intent',
      stageDate: '2026-02-10',
      letterOfIntentOn: '2026-02-10',
      channel: 'bilateral',
      areaIds: areas('education', 'construction'),
      notes: 'Ejemplo inventado: carta de intención firmada; la firma del hermanamiento está prevista en una visita de la delegación del alcalde.',
    },
    ctx,
    'invented',
  );
  const limaGuilin = await createAgreement(
    {
      ...base,
      partnerId: guilin.id,
      kind: 'cooperation_memorandum',
      stage: 'dormant',
      stageDate: '2019-03-01',
      signedOn: '2011-09-15',
      channel: 'embassy',
      areaIds: areas('tourism', 'culture'),
      notes: 'Ejemplo inventado: memorando sin actividad desde 2019.',
    },
    ctx,
    'invented',
  );
  const limaKobe = await createAgreement(
    {
      ...base,
      partnerId: kobe.id,
      kind: 'friendship',
      stage: 'active',
      stageDate: '2014-10-03',
      signedOn: '2014-10-03',
      channel: 'bilateral',
      renewalOn: '2027-01-10',
      areaIds: areas('environment', 'planning'),
      notes: 'Ejemplo inventado: socio fuera de China.',
    },
    ctx,
    'invented',
  );
  const limaCordoba = await createAgreement(
    {
      ...base,
      partnerId: cordoba.id,
      kind: 'cooperation_memorandum',
      stage: 'under_discussion',
      stageDate: '2026-09-01',
      channel: 'other',
      areaIds: areas('culture'),
      notes: 'Ejemplo inventado: conversaciones iniciales con una provincia argentina.',
    },
    ctx,
    'invented',
  );

  const settings = await readSettings(ctx.db);
  await writeSettings(ctx.db, {
    ownLocalityId: settings.ownLocalityId ?? lima.id,
    officeName: settings.officeName || 'Municipalidad Metropolitana de Lima — Oficina de Relaciones Internacionales',
  });
  const sample: SampleBase = {
    localities: { lima, shanghai, fujian, zhangzhou, guangxi, guilin, kobe, cordoba },
    agreements: { limaShanghai, limaFujian, limaZhangzhou, limaGuilin, limaKobe, limaCordoba },
  };
  for (const extend of sampleExtensions) await extend(ctx, sample);
  return { agreements: 6, localities: 8 };
}

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownCity, placeKey, suggestPlaces } from '../../electron/core/features/places/gazetteer.ts';
import { buildGazetteer, GAZETTEER_FILE, gazetteerText } from '../../packaging/gazetteer.ts';
import { parseCoordinate } from '../../shared/coordinates.ts';

const first = async (q: Parameters<typeof suggestPlaces>[0]) => (await suggestPlaces(q))[0];

describe('the bundled gazetteer', () => {
  it('is what packaging/gazetteer.ts cuts from GeoNames today, and stays small', () => {
    const committed = fs.readFileSync(GAZETTEER_FILE, 'utf8');
    expect(committed).toBe(gazetteerText(buildGazetteer()));
    // It ships inside the app: bounded, whatever GeoNames grows to.
    expect(committed.length).toBeLessThan(1_000_000);
    expect(JSON.parse(committed).license).toMatch(/CC BY 4\.0/);
  });

  it('finds a place by its name accent- and case-blind, and by a native spelling with or without its suffix', async () => {
    expect(await first({ name: 'xiamen' })).toMatchObject({
      name: 'Xiamen',
      country: 'CN',
      division: 'Fujian',
      kind: 'city',
      latitude: 24.4798,
      longitude: 118.0819,
    });
    expect(await first({ name: '', nativeName: '厦门市' })).toMatchObject({ name: 'Xiamen' });
    expect(await first({ name: '', nativeName: '廈門' })).toMatchObject({ name: 'Xiamen' });
    expect(await first({ name: '', nativeName: '神戸市', country: 'JP' })).toMatchObject({ name: 'Kobe' });
    expect(await first({ name: 'CORDOBA', country: 'AR' })).toMatchObject({ name: 'Córdoba', country: 'AR' });
    expect(await first({ name: 'Sao Paulo', country: 'BR' })).toMatchObject({ name: 'São Paulo', kind: 'city' });
    expect(await first({ name: 'Seoul', nativeName: '서울특별시' })).toMatchObject({ name: 'Seoul', country: 'KR' });
  });

  it('keeps to the country asked for', async () => {
    const cordobas = await suggestPlaces({ name: 'Córdoba' });
    expect(cordobas.map((p) => p.country)).toEqual(expect.arrayContaining(['AR', 'ES']));
    expect((await suggestPlaces({ name: 'Córdoba', country: 'ES' })).every((p) => p.country === 'ES')).toBe(true);
    expect(await suggestPlaces({ name: 'Xiamen', country: 'UY' })).toEqual([]);
  });

  it('offers the first-level division to a province, the city to a city', async () => {
    expect(await first({ name: 'Montevideo', country: 'UY', level: 'department' })).toMatchObject({ name: 'Montevideo Department', kind: 'division' });
    expect(await first({ name: 'Montevideo', country: 'UY', level: 'city' })).toMatchObject({ name: 'Montevideo', kind: 'city' });
    expect(await first({ name: 'Provincia de Fujian', country: 'CN', level: 'province' })).toMatchObject({ name: 'Fujian', kind: 'division' });
  });

  it('names a city only when it knows it by exactly that name in that country', async () => {
    expect(await knownCity({ name: 'montevideo', country: 'UY' })).toMatchObject({ name: 'Montevideo', kind: 'city', latitude: -34.9033 });
    expect(await knownCity({ name: 'Montev', country: 'UY' })).toBeNull();
    expect(await knownCity({ name: 'Montevideo', country: 'AR' })).toBeNull();
  });

  it('answers nothing rather than everything to an empty or unknown name', async () => {
    expect(await suggestPlaces({ name: '  ' })).toEqual([]);
    expect(await suggestPlaces({ name: 'Qwxzpl' })).toEqual([]);
    expect((await suggestPlaces({ name: 'San' })).length).toBeLessThanOrEqual(8);
  });

  it('folds the spellings of one place to one key', () => {
    expect(placeKey('Tai’an')).toBe(placeKey('Taian'));
    expect(placeKey('Guangdong Sheng')).toBe('guangdong');
    expect(placeKey('桂林市')).toBe('桂林');
    expect(placeKey('福州')).toBe('福州');
  });
});

describe('a coordinate typed in a field', () => {
  it('reads the office’s decimal sign and a copied point alike, and hemisphere letters', () => {
    expect(parseCoordinate('-34,9033', 'latitude', 'es-UY')).toEqual({ ok: true, value: -34.9033 });
    expect(parseCoordinate('-34.9033', 'latitude', 'es-UY')).toEqual({ ok: true, value: -34.9033 });
    expect(parseCoordinate('34,9033 S', 'latitude', 'es-UY')).toEqual({ ok: true, value: -34.9033 });
    expect(parseCoordinate('56,1882° O', 'longitude', 'es-UY')).toEqual({ ok: true, value: -56.1882 });
    expect(parseCoordinate('46,6333 L', 'longitude', 'pt-BR')).toEqual({ ok: true, value: 46.6333 });
    expect(parseCoordinate('', 'latitude', 'es-UY')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not a coordinate, with an example written the office’s way', () => {
    expect(parseCoordinate('91', 'latitude', 'es-UY')).toEqual({ ok: false, message: 'coordinates.latitudeRange|{"max":90}' });
    expect(parseCoordinate('-180,5', 'longitude', 'es-UY')).toEqual({ ok: false, message: 'coordinates.longitudeRange|{"max":180}' });
    expect(parseCoordinate('1.234,5', 'latitude', 'es-UY')).toEqual({ ok: false, message: 'coordinates.latitudeFormat|{"example":"-34,9033"}' });
    expect(parseCoordinate('abc', 'longitude', 'es-MX')).toEqual({ ok: false, message: 'coordinates.longitudeFormat|{"example":"-56.1882"}' });
    expect(parseCoordinate('-34 S', 'latitude', 'es-UY').ok).toBe(false);
    expect(parseCoordinate('34 E', 'latitude', 'es-UY').ok).toBe(false);
  });
});

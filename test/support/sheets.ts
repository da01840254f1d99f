import { writeWorkbook } from '../../electron/core/exchange/xlsx/write.ts';

/** A localities sheet as an office would keep it: `rows` partner cities, Chinese names, a country column. */
export function localitiesXlsx(rows: number): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Ciudades',
      columns: ['Nombre', 'Nombre original', 'País', 'Nivel'],
      rows: Array.from({ length: rows }, (_, i) => [`Ciudad ${i}`, `城市${i}`, i % 3 ? 'China' : 'Japón', 'city']),
    },
  ]);
}

import ExcelJS from 'exceljs';

/** A localities sheet as an office would keep it: `rows` partner cities, Chinese names, a country column. */
export async function localitiesXlsx(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ciudades');
  ws.addRow(['Nombre', 'Nombre original', 'País', 'Nivel']);
  for (let i = 0; i < rows; i++) ws.addRow([`Ciudad ${i}`, `城市${i}`, i % 3 ? 'China' : 'Japón', 'city']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

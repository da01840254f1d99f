import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract/index.ts';
import { AGREEMENT_SORTS } from '../../shared/contract/agreements.ts';
import { COMMITMENT_SORTS } from '../../shared/contract/commitments.ts';
import { CONTACT_SORTS } from '../../shared/contract/contacts.ts';
import { LOCALITY_SORTS } from '../../shared/contract/localities.ts';
import { TASK_SORTS } from '../../shared/contract/tasks.ts';
import { VISIT_SORTS } from '../../shared/contract/visits.ts';
import { LIST_COLUMNS, type ListColumn } from '../../shared/lists/columns.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { readFirstSheet } from '../../electron/core/exchange/xlsx/read.ts';
import { countFormat, dayFormat, moneyFormat } from '../../electron/core/exchange/xlsx/formats.ts';
import { cellFormats } from '../support/xlsx-formats.ts';
import type { Services } from '../../electron/core/services.ts';
import { commitmentFields } from '../support/factories.ts';
import { office, type Office } from '../support/list-office.ts';
import { ok } from '../support/temp-db.ts';

// The list screens' sorting and paging run in the server's query, against a real data file:
// every sortable column in both directions, ties in one stable order from page to page, blanks
// last, names with accents and in Chinese; and "Export this view" writes exactly those rows.

const SORTS: { [L in keyof typeof LIST_COLUMNS]: { call: CallName; sorts: readonly string[]; input?: Record<string, unknown> } } = {
  agreements: { call: 'agreements.list', sorts: AGREEMENT_SORTS },
  visits: { call: 'visits.list', sorts: VISIT_SORTS },
  commitments: { call: 'commitments.list', sorts: COMMITMENT_SORTS },
  contacts: { call: 'contacts.list', sorts: CONTACT_SORTS },
  localities: { call: 'localities.page', sorts: LOCALITY_SORTS },
  tasks: { call: 'tasks.list', sorts: TASK_SORTS, input: { view: 'all' } },
};

async function page(services: Services, call: CallName, input: Record<string, unknown>): Promise<{ total: number; rows: { id: number }[] }> {
  return (await ok(services, call, input as CallInput<typeof call>)) as { total: number; rows: { id: number }[] };
}

/** The whole list read two rows at a time, as the screen's pages would. */
async function byPages(services: Services, call: CallName, input: Record<string, unknown>) {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 2) {
    const { total, rows } = await page(services, call, { ...input, offset, limit: 2 });
    ids.push(...rows.map((r) => r.id));
    if (offset + 2 >= total) return ids;
  }
}

describe('the lists’ columns', () => {
  it('label every column with a text in each language (the labels are built from the field keys)', () => {
    for (const language of ['es', 'pt', 'en'] as const) {
      const { t } = createI18n(language);
      for (const [list, columns] of Object.entries(LIST_COLUMNS)) {
        for (const c of columns) expect(t(c.label), `${list}.${c.id} (${language})`).not.toBe(c.label);
      }
    }
  });
});

describe('list sorting and paging (server side)', () => {
  // Services close after each test: each builds its own office.
  const get = (): Promise<Office> => office();

  for (const [list, { call, sorts, input = {} }] of Object.entries(SORTS)) {
    it(`${list}: every sort key, both ways, pages without a row lost or repeated`, async () => {
      const { services } = await get();
      const columns: readonly ListColumn[] = LIST_COLUMNS[list as keyof typeof LIST_COLUMNS];
      // Each sortable column of the screen sorts on the server.
      for (const c of columns) if (c.sort) expect(sorts).toContain(c.sort);
      for (const sort of sorts) {
        const asc = await page(services, call, { ...input, sort, dir: 'asc', limit: 100 });
        const desc = await page(services, call, { ...input, sort, dir: 'desc', limit: 100 });
        expect(asc.total).toBeGreaterThan(2);
        expect(asc.rows.length).toBe(asc.total);
        expect(new Set(desc.rows.map((r) => r.id))).toEqual(new Set(asc.rows.map((r) => r.id)));
        expect(await byPages(services, call, { ...input, sort, dir: 'asc' }), `${list} by ${sort}`).toEqual(asc.rows.map((r) => r.id));
        expect(await byPages(services, call, { ...input, sort, dir: 'desc' }), `${list} by ${sort} desc`).toEqual(desc.rows.map((r) => r.id));
      }
    });
  }

  it('sorts names accent- and case-blind, ties by when they were entered, blanks last both ways', async () => {
    const { services } = await get();
    const names = async (input: CallInput<'contacts.list'>) => (await ok(services, 'contacts.list', input)).rows.map((r) => `${r.name}${r.nativeName ?? ''}`);
    expect(await names({ sort: 'name' })).toEqual(['ana Pérez', 'Ángel Ruiz', 'Wang Wei王伟', 'Wang Wei王薇', 'Zhou Li周丽']);
    expect(await names({ sort: 'name', dir: 'desc' })).toEqual(['Zhou Li周丽', 'Wang Wei王薇', 'Wang Wei王伟', 'Ángel Ruiz', 'ana Pérez']);
    // Case-blind ties (Director, director) keep their order of entry; people without a title come last either way.
    expect(await names({ sort: 'title' })).toEqual(['ana Pérez', 'Wang Wei王伟', 'Zhou Li周丽', 'Wang Wei王薇', 'Ángel Ruiz']);
    expect((await names({ sort: 'email', dir: 'desc' })).slice(-2)).toEqual(['Wang Wei王薇', 'ana Pérez']);
    const native = (await ok(services, 'localities.page', { sort: 'nativeName' })).rows.map((r) => r.nativeName);
    expect(native).toEqual(['厦门市', '漳州市', '神戸市', '福建省', null]);
    const byParent = (await ok(services, 'localities.page', { sort: 'parent' })).rows.map((r) => r.name);
    expect(byParent.slice(0, 2)).toEqual(['Xiamen', 'Zhangzhou']);
    const page2 = await ok(services, 'localities.page', { sort: 'name', offset: 2, limit: 2 });
    expect(page2).toMatchObject({ total: 5, rows: [{ name: 'Kobe' }, { name: 'Xiamen' }] });
  });

  it('sorts commitments by progress and by value within each currency, those without a value last', async () => {
    const { services } = await get();
    const by = async (sort: (typeof COMMITMENT_SORTS)[number], dir: 'asc' | 'desc' = 'asc') =>
      (await ok(services, 'commitments.list', { sort, dir })).rows.map((r) => r.description);
    expect(await by('value')).toEqual(['Donación de libros', 'Becas 神戸', 'Becas 上海', 'Ángulo: intercambio']);
    expect(await by('value', 'desc')).toEqual(['Becas 上海', 'Becas 神戸', 'Donación de libros', 'Ángulo: intercambio']);
    expect((await by('delivered', 'desc'))[0]).toBe('Becas 上海');
    expect(await by('description')).toEqual(['Becas 上海', 'Becas 神戸', 'Donación de libros', 'Ángulo: intercambio']);
  });
});

describe('export this view', () => {
  it('writes the filtered, sorted rows with the columns shown, named and written in the office language', async () => {
    const { services } = await office();
    await ok(services, 'settings.update', { language: 'es', country: 'UY' });
    const query = { search: 'becas', sort: 'dueOn', dir: 'desc' } as const;
    const shown = await ok(services, 'commitments.list', query);
    const csv = await ok(services, 'export.view', {
      list: 'commitments',
      query,
      columns: ['partner', 'description', 'value', 'dueOn', 'status'],
      format: 'csv',
    });
    expect(csv.fileName).toBe('Compromisos-2026-06-15.csv');
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual(['Socio', 'Descripción', 'Valor', 'Fecha límite', 'Estado']);
    expect(parsed.slice(1).map((r) => r[1])).toEqual(shown.rows.map((r) => `Beca · ${r.description}`));
    expect(parsed[1]).toEqual(['Kobe 神戸市', 'Beca · Becas 神戸', expect.stringMatching(/^USD\s200,00$/), '1 mar. 2027', 'Prometido']);
    expect(parsed[2]![0]).toBe('Xiamen 厦门市');

    const xlsx = await ok(services, 'export.view', {
      list: 'commitments',
      query,
      columns: ['partner', 'description', 'value', 'dueOn', 'status'],
      format: 'xlsx',
    });
    expect(xlsx.fileName).toBe('Compromisos-2026-06-15.xlsx');
    const book = Buffer.from(xlsx.contentBase64, 'base64');
    const sheet = readFirstSheet(book, { limits: { rows: 100, columns: 20, cellChars: 1000 } });
    // The same rows and words; the amount and the day are a number and a date the spreadsheet computes with.
    expect(sheet[0]!.cells).toEqual(parsed[0]);
    expect(sheet[1]!.cells).toEqual(['Kobe 神戸市', 'Beca · Becas 神戸', 200, new Date('2027-03-01T00:00:00Z'), 'Prometido']);
    expect(sheet.slice(1).map((r) => [r.cells[0], r.cells[1], r.cells[4]])).toEqual(parsed.slice(1).map((r) => [r[0], r[1], r[4]]));
    expect(cellFormats(book)[1]).toEqual([null, null, '"USD\u00a0"#,##0.00', 'dd"/"mm"/"yyyy', null]);
  });

  it('writes XLSX numbers as numbers, amounts in major units shown with their currency, and days as dates shown in the office’s order', async () => {
    const { services } = await office();
    await ok(services, 'settings.update', { language: 'es', country: 'UY' });
    const read = async (list: 'commitments' | 'visits' | 'tasks', query: Record<string, unknown>, columns: string[]) => {
      const file = await ok(services, 'export.view', { list, query, columns, format: 'xlsx' } as CallInput<'export.view'>);
      const book = Buffer.from(file.contentBase64, 'base64');
      const cells = readFirstSheet(book, { limits: { rows: 100, columns: 20, cellChars: 1000 } }).map((r) => r.cells);
      return { header: cells[0], rows: cells.slice(1), formats: cellFormats(book).slice(1) };
    };
    const commitments = await read('commitments', { sort: 'description', dir: 'asc' }, ['description', 'delivered', 'value', 'dueOn']);
    expect(commitments.header).toEqual(['Descripción', 'Avance', 'Valor', 'Fecha límite']);
    // "0 de 200 libros": the delivered count is the number, the rest its format's words; 900 yuan in major units.
    expect(commitments.rows[2]).toEqual(['Donación en especie · Donación de libros', 0, 900]);
    expect(commitments.formats[2]).toEqual([null, '#,##0" de 200 libros"', '"CNY\u00a0"#,##0.00']);
    // No value: an empty cell, not a zero.
    expect(commitments.rows[3]).toEqual(['Intercambio · Ángulo: intercambio', 0, null, new Date('2026-01-31T00:00:00Z')]);
    expect(commitments.formats[3]).toEqual([null, '#,##0" de 2"', null, 'dd"/"mm"/"yyyy']);

    // A unit with a quote in it stays words in the format, and the cell is read back as the count it is
    // (was: the reader took the escaped quote's letters for a date format and answered a date).
    const [agreement] = (await ok(services, 'agreements.list', {})).rows;
    await ok(services, 'commitments.create', commitmentFields(agreement!.id, { description: 'Zapatos', quantity: 5, unit: 'cajas "grandes"' }));
    const quoted = await read('commitments', { search: 'zapatos' }, ['description', 'delivered']);
    expect(quoted.rows).toEqual([['Beca · Zapatos', 0]]);
    expect(quoted.formats).toEqual([[null, '#,##0" de 5 cajas "\\""grandes"\\"']]);

    // A visit of several days: its first day is the date (the list sorts by it), the last is shown after it.
    const visits = await read('visits', { sort: 'startsOn', dir: 'desc' }, ['purpose', 'startsOn']);
    expect(visits.rows.slice(0, 2)).toEqual([
      ['ábaco y becas', new Date('2026-04-12T00:00:00Z')],
      ['Firma en Xiamen', new Date('2026-04-12T00:00:00Z')],
    ]);
    expect(visits.formats.slice(0, 2).map((f) => f[1])).toEqual(['dd"/"mm"/"yyyy', 'dd"/"mm"/"yyyy" – 18/04/2026"']);

    // A task without a day: an empty cell.
    const tasks = await read('tasks', { view: 'all', sort: 'priority', dir: 'asc' }, ['title', 'dueOn']);
    expect(tasks.rows[0]).toEqual(['Área de becas: informe']);
    expect(tasks.formats[0]).toEqual([null]);
    expect(tasks.rows[1]).toEqual(['Enviar fotos', new Date('2026-05-01T00:00:00Z')]);
  });

  it('builds the formats from the office’s locale: the day’s order and separator, the currency’s place and decimals', () => {
    // Days in the office's numeric order and separator (quoted: a bare "/" would be the reader's own separator).
    expect(dayFormat('en-US')).toBe('mm"/"dd"/"yyyy');
    expect(dayFormat('pt-BR')).toBe('dd"/"mm"/"yyyy');
    expect(dayFormat('de-DE')).toBe('dd"."mm"."yyyy');
    expect(dayFormat('zh-CN')).toBe('yyyy"/"mm"/"dd');
    expect(moneyFormat('JPY', 'es-UY')).toBe('"JPY\u00a0"#,##0');
    expect(moneyFormat('EUR', 'de-DE')).toBe('#,##0.00"\u00a0EUR"');
    // A quote in the words (a unit typed as 'cajas "grandes"') stays text, never ends the literal early.
    expect(countFormat('', ' de 5 cajas "grandes"')).toBe('#,##0" de 5 cajas "\\""grandes"\\"');
  });

  it('neutralises formulas, keeps Chinese, follows the language asked of the office, and names columns in Portuguese', async () => {
    const { services } = await office();
    await ok(services, 'contacts.create', { name: '=HYPERLINK("http://x","y")', nativeName: '李娜' });
    await ok(services, 'settings.update', { language: 'pt' });
    const file = await ok(services, 'export.view', { list: 'contacts', query: { sort: 'name', dir: 'desc' }, columns: ['name', 'email'], format: 'csv' });
    expect(file.fileName).toBe('Contatos-2026-06-15.csv');
    const rows = Papa.parse<string[]>(Buffer.from(file.contentBase64, 'base64').toString('utf8').slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['Nome', 'E-mail']);
    expect(rows.at(-1)).toEqual(['\'=HYPERLINK("http://x","y") 李娜', '']);
    expect(rows[1]).toEqual(['Zhou Li 周丽', 'zhou@example.cn']);
    expect(rows).toHaveLength(7);
  });

  it('exports the tasks and localities views, the dates the office way', async () => {
    const { services } = await office();
    const tasks = await ok(services, 'export.view', {
      list: 'tasks',
      query: { view: 'all', sort: 'priority', dir: 'asc' },
      columns: ['title', 'dueOn', 'priority'],
      format: 'csv',
    });
    const rows = Papa.parse<string[]>(Buffer.from(tasks.contentBase64, 'base64').toString('utf8').slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(rows.slice(1)).toEqual([
      ['Área de becas: informe', '', 'Alta'],
      ['Enviar fotos', '1 may 2026', 'Normal'],
      ['enviar carta', '1 may 2026', 'Baja'],
    ]);
    const places = await ok(services, 'export.view', {
      list: 'localities',
      query: { country: 'CN', sort: 'name' },
      columns: ['name', 'nativeName', 'parent', 'level'],
      format: 'csv',
    });
    const placeRows = Papa.parse<string[]>(Buffer.from(places.contentBase64, 'base64').toString('utf8').slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(placeRows.slice(1)).toEqual([
      ['Fujian', '福建省', '', 'Provincia / estado'],
      ['Xiamen', '厦门市', 'Fujian', 'Ciudad'],
      ['Zhangzhou', '漳州市', 'Fujian', 'Ciudad'],
    ]);
  });
});

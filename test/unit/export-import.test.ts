import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportJson, importJson } from '../../electron/core/exchange/json.ts';
import { exportCsv, tableLabel } from '../../electron/core/exchange/sheets.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { runCliProcess } from '../support/cli.ts';
import { commitmentFields, partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';

/** An office with a bit of everything: sample data, a Chinese partner, a commitment part-delivered, an attachment. */
async function busyOffice(services: Services) {
  await ok(services, 'sample.load', {});
  const { agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' }, { notes: 'Becas «São Paulo» 奖学金' });
  const commitment = await ok(services, 'commitments.create', commitmentFields(agreement.id));
  await ok(services, 'commitments.addDelivery', {
    commitmentId: commitment.id,
    deliveredOn: '2026-07-01',
    quantity: 3,
    beneficiaries: [{ name: 'Ana Quispe' }],
  });
  await ok(services, 'attachments.add', {
    entity: 'agreement',
    entityId: agreement.id,
    fileName: 'convenio 漳州.pdf',
    contentBase64: Buffer.from('%PDF-1.4 scan').toString('base64'),
  });
  await ok(services, 'settings.update', { userName: 'Lucía Ñúñez' });
  return { agreement, commitment };
}

describe('JSON export and import', () => {
  it('export → import into an empty file → export gives identical JSON, links and totals included', async () => {
    const source = await openTestServices();
    const { commitment } = await busyOffice(source);
    await ok(source, 'backups.setFolder', { dir: path.join(source.dir, 'usb') });
    const first = exportJson(source.opened.sqlite);
    const doc = JSON.parse(first) as { format: string; formatVersion: number; tables: Record<string, { rows: unknown[][] }> };
    expect(doc.format).toBe('twinning-desk-export');
    // Every table of the schema is there, including those added by other features' migrations.
    for (const table of ['localities', 'agreements', 'commitments', 'deliveries', 'beneficiaries', 'attachments', 'audit_log', 'office_events']) {
      expect(doc.tables[table], table).toBeDefined();
    }
    expect(first).toContain('漳州市');
    // A machine's backups folder is not data (the change history still records that it was set).
    expect(JSON.stringify(doc.tables.settings)).not.toContain('backupDir');

    const target = await openTestServices();
    const counts = importJson(target.opened.sqlite, first);
    expect(counts.deliveries).toBe(tableCounts(source).deliveries);
    const second = exportJson(target.opened.sqlite);
    expect(second).toBe(first);
    // The delivery trigger did not count the delivery twice.
    const imported = await ok(target, 'commitments.get', { id: commitment.id });
    expect(imported.delivered).toBe(3);
    const check = target.opened.sqlite.pragma('foreign_key_check');
    expect(check).toEqual([]);
    // The imported file goes on working through the services.
    const list = await ok(target, 'agreements.list', { search: '漳州' });
    expect(list.total).toBe((await ok(source, 'agreements.list', { search: '漳州' })).total);
    expect(list.total).toBeGreaterThan(0);
  });

  it('imports only into an empty file, all or nothing, and says why it refuses', async () => {
    const source = await openTestServices();
    await busyOffice(source);
    const text = exportJson(source.opened.sqlite);
    const failure = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as { error?: { message?: string } }).error?.message ?? String(error);
      }
      return 'no failure';
    };

    expect(failure(() => importJson(source.opened.sqlite, text))).toBe('exchange.json.notEmpty');

    const target = await openTestServices();
    const before = tableCounts(target);
    expect(failure(() => importJson(target.opened.sqlite, '{"format":'))).toBe('exchange.json.notJson');
    expect(failure(() => importJson(target.opened.sqlite, '{"hello":1}'))).toBe('exchange.json.notOurs');
    const newer = text.replace(/"schemaVersion":\d+/, '"schemaVersion":999');
    expect(failure(() => importJson(target.opened.sqlite, newer))).toMatch(/^exchange\.json\.newer/);
    const alien = text.replace('"localities":', '"planets":');
    expect(failure(() => importJson(target.opened.sqlite, alien))).toMatch(/^exchange\.json\.unknownTable/);
    // A row breaking a CHECK near the end: the whole import is rolled back.
    const broken = JSON.parse(text) as { tables: Record<string, { columns: string[]; rows: unknown[][] }> };
    const agreements = broken.tables.agreements!;
    agreements.rows.at(-1)![agreements.columns.indexOf('kind')] = 'alliance';
    expect(failure(() => importJson(target.opened.sqlite, JSON.stringify(broken)))).toContain('CHECK');
    expect(tableCounts(target)).toEqual(before);
    // A link to a missing record is refused at commit.
    const orphan = JSON.parse(text) as typeof broken;
    orphan.tables.agreements!.rows[0]![orphan.tables.agreements!.columns.indexOf('partner_id')] = 9999;
    expect(failure(() => importJson(target.opened.sqlite, JSON.stringify(orphan)))).toContain('FOREIGN KEY');
    expect(tableCounts(target)).toEqual(before);
  });
});

describe('CSV and XLSX export', () => {
  it('writes one UTF-8 CSV with a BOM per table, and one XLSX sheet per table, Chinese and accents intact', async () => {
    const services = await openTestServices();
    await busyOffice(services);
    const csv = exportCsv(services.opened.sqlite, tableLabel(createI18n('es').t));
    // Files are named as the office calls the tables, never by their identifiers.
    expect(csv.map((f) => f.name)).toEqual(expect.arrayContaining(['Localidades.csv', 'Entregas.csv', 'Archivos vinculados.csv']));
    expect(csv.filter((f) => /^[a-z_]+\.csv$/.test(f.name))).toEqual([]);
    const localities = csv.find((f) => f.name === 'Localidades.csv')!;
    expect(localities.content.startsWith('\uFEFFid,name,native_name,country')).toBe(true);
    expect(localities.content).toContain('漳州市');
    expect(localities.content).toContain('\r\n');

    const file = await ok(services, 'export.file', { format: 'xlsx' });
    // Read back with fflate and the XML as text, not with the app's own reader.
    const parts = unzipSync(Buffer.from(file.contentBase64, 'base64'));
    const book = strFromU8(parts['xl/workbook.xml']!);
    const names = [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(file.fileName).toMatch(/^Datos de Twinning Desk-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(names).toEqual(expect.arrayContaining(['Localidades', 'Acuerdos', 'Compromisos', 'Entregas']));
    expect(names.filter((n) => /^[a-z_]+$/.test(n ?? ''))).toEqual([]);
    const all = Object.entries(parts).map(([name, data]) => [name, strFromU8(data)] as const);
    expect(all.some(([, xml]) => xml.includes('漳州市'))).toBe(true);
    const sheet = strFromU8(parts[`xl/worksheets/sheet${names.indexOf('Localidades') + 1}.xml`]!);
    const localityCount = (await ok(services, 'localities.list', { limit: 10000, includeArchived: true })).length;
    expect([...sheet.matchAll(/<row[ >]/g)]).toHaveLength(1 + localityCount);
    expect(sheet).toContain('<pane'); // the header row stays in view

    const one = await ok(services, 'export.file', { format: 'csv', table: 'agreements' });
    expect(Buffer.from(one.contentBase64, 'base64').toString('utf8')).toContain('奖学金');
    expect((await services.call('export.file', { format: 'csv', table: 'nothing' })).ok).toBe(false);
  });
});

describe('export and import on the command line', { timeout: 90_000 }, () => {
  it('round-trips JSON through the CLI; --dry-run saves nothing; CSV goes to a folder', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    await busyOffice(services);
    await services.close();
    const json = path.join(dir, 'office.json');
    expect((await runCliProcess(['export', '--db', file, '--format', 'json', '--out', json])).code).toBe(0);
    const empty = path.join(dir, 'empty.sqlite');
    const dry = await runCliProcess(['import', '--db', empty, '--in', json, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('nothing saved');
    const count = () => new Database(empty, { readonly: true }).prepare('SELECT count(*) FROM agreements').pluck().get();
    expect(count()).toBe(0);
    const real = await runCliProcess(['import', '--db', empty, '--in', json]);
    expect(real.code, real.stderr).toBe(0);
    expect(count()).toBeGreaterThan(0);
    const again = path.join(dir, 'again.json');
    await runCliProcess(['export', '--db', empty, '--format', 'json', '--out', again]);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(json, 'utf8'));

    const refused = await runCliProcess(['import', '--db', empty, '--in', json]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('empty data file');

    const csvDir = path.join(dir, 'csv');
    expect((await runCliProcess(['export', '--db', file, '--format', 'csv', '--out', csvDir])).code).toBe(0);
    // Named in the CLI's language (English here), never by the tables' identifiers.
    expect(fs.readdirSync(csvDir)).toEqual(expect.arrayContaining(['Localities.csv', 'Agreements.csv', 'Commitments.csv']));
    expect(fs.readdirSync(csvDir).filter((f) => /^[a-z_]+\.csv$/.test(f))).toEqual([]);
    const xlsx = path.join(dir, 'office.xlsx');
    expect((await runCliProcess(['export', '--db', file, '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('check reports an attachment whose file is missing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    await busyOffice(services);
    await services.close();
    expect((await runCliProcess(['check', '--db', file])).code).toBe(0);
    const stored = fs.readdirSync(path.join(dir, 'attachments'));
    fs.rmSync(path.join(dir, 'attachments', stored[0]!));
    const run = await runCliProcess(['check', '--db', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('has no file on disk');
    expect(run.stdout).toContain('convenio 漳州.pdf');
  });
});

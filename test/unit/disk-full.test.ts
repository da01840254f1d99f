// A full disk is said to be a full disk (issue 14, item 10). SQLite rolls a
// transaction back itself on SQLITE_FULL; Kysely's ROLLBACK after it used to
// fail ("no transaction is active") and hide the real error as errors.internal.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/core/services.ts';
import type { Agreement } from '../../shared/contract/agreements.ts';
import { agreementFields, partnerWithAgreement, shanghaiFields, wangFields } from '../support/factories.ts';
import { isRoot, smallFileSystem } from '../support/small-fs.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

const FULL = { ok: false, error: { kind: 'read_only', message: 'errors.disk_full' } };
const long = (n: number) => 'x'.repeat(n);

/** Calls that write through Kysely's transactions (mutation()), each large enough to need a new page. */
function writes(partnerId: number, agreement: Agreement) {
  return [
    { name: 'contacts.create', input: { ...wangFields, notes: long(4900) } },
    { name: 'agreements.create', input: agreementFields(partnerId, { notes: long(9000) }) },
    { name: 'agreements.update', input: { ...agreement, notes: long(9000) } },
    { name: 'settings.update', input: { staff: Array.from({ length: 90 }, (_, i) => `Persona ${i} ${long(80)}`) } },
  ];
}

async function expectRefusedWhole(services: Services, name: string, input: unknown) {
  const before = tableCounts(services);
  const result = await services.dispatch(name, input);
  expect(result, `${name}: ${JSON.stringify(result).slice(0, 200)}`).toEqual(FULL);
  expect(tableCounts(services)).toEqual(before);
}

describe('a full disk', () => {
  it('every kind of write says the disk is full (max_page_count), writes nothing, and reads go on', async () => {
    const logged: unknown[] = [];
    const services = await openTestServices({ log: (e) => logged.push(e) });
    const { partner, agreement } = await partnerWithAgreement(services);
    const sqlite = services.opened.sqlite;
    // The file may not grow by a single page, as on a full disk.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    for (const { name, input } of writes(partner.id, agreement)) {
      await expectRefusedWhole(services, name, input);
    }
    expect(logged).toEqual([]);
    expect((await ok(services, 'agreements.list', {})).total).toBe(1);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it.skipIf(!isRoot)('on a real 1 MB file system the first refused write says the disk is full, and every earlier one is kept', async () => {
    const dir = smallFileSystem(1024);
    const services = await createServices(path.join(dir, 'office.sqlite'), { log: () => {} });
    try {
      const { partner } = await partnerWithAgreement(services);
      let saved = 0;
      let refused: unknown = null;
      for (let i = 0; i < 2000 && !refused; i++) {
        const result = await services.call('localities.create', {
          ...shanghaiFields,
          name: `Ciudad ${i} ${long(180)}`,
          parentId: partner.id,
          nativeName: null,
        });
        if (result.ok) saved++;
        else refused = result;
      }
      expect(refused).toEqual(FULL);
      expect(saved).toBeGreaterThan(10);
      expect((await ok(services, 'localities.list', {})).length).toBe(saved + 1);
      expect(services.opened.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      await services.close();
    }
  });
});

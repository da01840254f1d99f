import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, LOG_FILE, logsDirFor, openLog } from '../../electron/core/log/logger.ts';
import { createServices } from '../../electron/core/services.ts';
import { partnerWithAgreement, visitFields, wangFields } from '../support/factories.ts';
import { ok, tempDir } from '../support/temp-db.ts';

// What people type: none of it may reach the log file, whatever happens to the records.
const PERSONAL = [
  'Wang Wei',
  '王伟',
  'wang.wei@example.cn',
  'María José Pérez',
  'mjperez@intendencia.gub.uy',
  '+598 99 123 456',
  'Zhangzhou',
  '漳州',
  'Palacio municipal',
  'Firma del hermanamiento',
  'Ana Torres',
  'Oficina de Relaciones Internacionales',
];

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}`, 'utf8').toString('base64');

describe('the log file', () => {
  it('records start-up, backups, calls with their record ids, and unexpected errors with their stack, and no personal data', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const logger = openLog(logsDirFor(file));
    const services = await createServices(file, { logger, autoBackup: true });
    try {
      await ok(services, 'settings.update', { officeName: 'Oficina de Relaciones Internacionales', userName: 'Ana Torres' });
      const { partner, agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
      const wang = await ok(services, 'contacts.create', wangFields);
      await ok(services, 'contacts.create', { name: 'María José Pérez', email: 'mjperez@intendencia.gub.uy', phone: '+598 99 123 456' });
      const visit = await ok(services, 'visits.create', visitFields({ agreementIds: [agreement.id] }));
      // Refusals: a bad e-mail (refused by the contract, before any handler), and deleting an agreement whose visit the message names.
      expect((await services.call('contacts.create', { name: 'Wang Wei', email: 'wang.wei@example' })).ok).toBe(false);
      expect((await services.call('agreements.delete', { id: agreement.id })).ok).toBe(false);
      const imported = csv([
        ['Nombre', 'Correo'],
        ['María José Pérez', 'mjperez@intendencia.gub.uy'],
        ['王伟', 'no-es-correo'],
      ]);
      await ok(services, 'import.commit', { entity: 'contacts', fileName: 'contactos María José.csv', contentBase64: imported, duplicates: 'skip' });
      await ok(services, 'reports.generate', { report: { kind: 'visit', id: visit.id, language: 'es' }, target: 'download' });
      await ok(services, 'backups.now', {});
      // An unexpected failure: the connection is gone under a call.
      services.opened.sqlite.close();
      const broken = await services.call('localities.update', {
        id: partner.id,
        version: 1,
        name: 'Zhangzhou 漳州',
        nativeName: null,
        country: 'CN',
        level: 'city',
        parentId: null,
      });
      expect(!broken.ok && broken.error.kind).toBe('internal');

      const text = fs.readFileSync(path.join(logger.dir, LOG_FILE), 'utf8');
      expect(text).toMatch(/\[info\]\s+start .*appVersion=\S+ schemaVersion=\d+/);
      expect(text).toMatch(/\[info\]\s+startup backup taken/);
      expect(text).toMatch(new RegExp(`call contacts\\.create ok .*resultId=${wang.id}`));
      expect(text).toMatch(
        new RegExp(`\\[warn\\]\\s+call agreements\\.delete failed .*id=${agreement.id} .*error=conflict key=deletionErrors\\.agreement_visits`),
      );
      expect(text).toMatch(/call import\.commit ok/);
      expect(text).toMatch(/call reports\.generate ok/);
      expect(text).toMatch(/call backups\.now ok/);
      expect(text).toMatch(/\[error\] unexpected error[^\n]*\n(TypeError|Error)[^\n]*\n\s+at /);
      expect(text).not.toMatch(/call (agreements|contacts|visits)\.list/);
      expect(PERSONAL.filter((p) => text.includes(p))).toEqual([]);
      expect(text).not.toContain(os.homedir() + path.sep);
    } finally {
      await services.close().catch(() => undefined);
    }
  });

  it('masks quoted values, e-mail addresses and the home folder in error messages, keeping the stack', () => {
    const error = new Error(`UNIQUE failed for "María José Pérez" <mjperez@intendencia.gub.uy> in ${path.join(os.homedir(), 'datos')}`);
    const text = describeError(error);
    expect(text).toMatch(/^Error: UNIQUE failed for "…" <…@…> in ~/);
    expect(text).not.toContain('María');
    expect(text.split('\n')[1]).toMatch(/^\s+at /);
    expect(describeError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toMatch(/^Error \[SQLITE_BUSY\]: x/);
  });

  it('rotates past 2 MB, keeping three older files', () => {
    const logger = openLog(tempDir());
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 9000; i++) logger.info('filler', { line });
    const files = fs.readdirSync(logger.dir).sort();
    expect(files).toEqual(['twinning-desk.1.log', 'twinning-desk.2.log', 'twinning-desk.3.log', 'twinning-desk.log']);
    for (const f of files) expect(fs.statSync(path.join(logger.dir, f)).size).toBeLessThan(2.2 * 1024 * 1024);
  });
});

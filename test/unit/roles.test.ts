import { describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/contract/index.ts';
import { ROLES, roleAllows, type Role } from '../../shared/contract/users.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { partnerWithAgreement, shanghaiFields } from '../support/factories.ts';
import { accounts, okAs } from '../support/actors.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

const names = Object.keys(contract) as CallName[];

// Calls that change nothing: a reader may make each. Everything else needs at least an editor.
const READS =
  /\.(list|get|similar|history|preview|generate|open|assets|summary|totals|entries|exportIcs|visitIcs|tables|file|info|progress|cancel|story|timeline|people|suggest|partners|global|pick|page|view)$/;

describe('roles, enforced in the services for every call', () => {
  it('every call declares its least role, and only reads (and one’s own preferences) are open to a reader', () => {
    for (const name of names) expect(ROLES, name).toContain(contract[name].role);
    const forReaders = names.filter((n) => contract[n].role === 'reader');
    expect(forReaders.filter((n) => !READS.test(n) && n !== 'me.get' && n !== 'me.update' && n !== 'export.file')).toEqual([]);
    // What the issue names as the admin's: users, office-wide settings, backups, restore, import.
    for (const name of [
      'users.create',
      'users.update',
      'users.resetPassword',
      'users.list',
      'settings.update',
      'backups.now',
      'backups.restore',
      'backups.setFolder',
      'import.commit',
      'import.preview',
      'sample.load',
    ] as const) {
      expect(contract[name].role, name).toBe('admin');
    }
  });

  it('walks every call with each role: below the call’s role it is refused, translated, audited, and nothing is written', async () => {
    const services = await openTestServices();
    const actors = await accounts(services);
    const sqlite = services.opened.sqlite;
    const refusals = () => sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'access' AND action = 'refuse'").pluck().get() as number;
    const walked: Record<Role, { allowed: number; refused: number }> = {
      reader: { allowed: 0, refused: 0 },
      editor: { allowed: 0, refused: 0 },
      admin: { allowed: 0, refused: 0 },
    };
    for (const role of ROLES) {
      for (const name of names) {
        const before = tableCounts(services);
        const audited = refusals();
        // Not an object: every schema refuses it, so an allowed call stops at validation and writes nothing either.
        const result = await services.dispatch(name, 42, { actor: actors[role], address: '127.0.0.1' });
        expect(result.ok, `${name} as ${role}`).toBe(false);
        if (result.ok) continue;
        if (roleAllows(role, contract[name].role)) {
          walked[role].allowed++;
          expect(result.error.kind, `${name} as ${role}`).toBe('validation');
          expect(refusals()).toBe(audited);
          expect(tableCounts(services)).toEqual(before);
        } else {
          walked[role].refused++;
          expect(result.error, `${name} as ${role}`).toEqual({ kind: 'forbidden', message: `access.errors.needs_${contract[name].role}` });
          const message = result.error.kind === 'forbidden' ? result.error.message : '';
          for (const language of ['es', 'pt', 'en'] as const) expect(createI18n(language).t(message)).not.toBe(message);
          expect(refusals()).toBe(audited + 1);
          const row = sqlite.prepare("SELECT user_name, user_id, after_json FROM audit_log WHERE entity = 'access' ORDER BY id DESC LIMIT 1").get() as {
            user_name: string;
            user_id: number;
            after_json: string;
          };
          expect(row).toMatchObject({ user_name: actors[role].name, user_id: actors[role].userId });
          expect(JSON.parse(row.after_json)).toEqual({ reason: 'role', call: name, address: '127.0.0.1' });
          expect({ ...tableCounts(services), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
        }
      }
    }
    expect(walked.admin).toEqual({ allowed: names.length, refused: 0 });
    expect(walked.reader.refused).toBeGreaterThan(40);
    expect(walked.editor.refused).toBe(names.filter((n) => contract[n].role === 'admin').length);
  });

  it('a reader reads and makes reports but cannot change a record, even with good input; an editor can, but cannot manage users', async () => {
    const services = await openTestServices();
    const actors = await accounts(services);
    const { agreement } = await partnerWithAgreement(services);
    expect((await okAs(services, actors.reader, 'agreements.list', {})).rows.map((r) => r.id)).toEqual([agreement.id]);
    expect((await okAs(services, actors.reader, 'reports.preview', { kind: 'annual', year: 2025, language: 'es' })).title).toBeTruthy();
    const before = tableCounts(services);
    const refused = await services.dispatch('localities.create', shanghaiFields, { actor: actors.reader });
    expect(refused).toEqual({ ok: false, error: { kind: 'forbidden', message: 'access.errors.needs_editor' } });
    const archive = await services.dispatch('agreements.archive', { id: agreement.id }, { actor: actors.reader });
    expect(archive.ok).toBe(false);
    expect((await ok(services, 'agreements.get', { id: agreement.id })).archivedAt).toBeNull();
    expect({ ...tableCounts(services), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });

    const created = await okAs(services, actors.editor, 'localities.create', shanghaiFields);
    const audit = services.opened.sqlite
      .prepare("SELECT user_name, user_id FROM audit_log WHERE entity = 'locality' AND entity_id = ? AND action = 'create'")
      .get(created.id);
    expect(audit).toEqual({ user_name: 'Wang Wei 王伟', user_id: actors.editor.userId });
    const users = await services.dispatch(
      'users.create',
      { login: 'mallory', name: 'Mallory', role: 'admin', password: 'x'.repeat(12) },
      { actor: actors.editor },
    );
    expect(users).toEqual({ ok: false, error: { kind: 'forbidden', message: 'access.errors.needs_admin' } });
    const settings = await services.dispatch('settings.update', { officeName: 'Hackeada' }, { actor: actors.editor });
    expect(settings.ok).toBe(false);
    expect((await ok(services, 'settings.get', {})).officeName).not.toBe('Hackeada');
  });
});

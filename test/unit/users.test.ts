import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/core/features/users/passwords.ts';
import { runCli } from '../../electron/core/cli/run.ts';
import { partnerWithAgreement, taskFields, wangFields } from '../support/factories.ts';
import { accounts, okAs, PASSWORD } from '../support/actors.ts';
import { ok, openTestServices, tempDir } from '../support/temp-db.ts';

describe('accounts', () => {
  it('keeps only a salted scrypt hash: two users with one password get different hashes, and each checks only its own', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, a)).toBe(false);
    // A hand-edited row asking for absurd work is refused, not run.
    expect(await verifyPassword(PASSWORD, a.replace('$32768$', '$1073741824$'))).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain text')).toBe(false);
  });

  it('never lets a password out: not in the table, the audit log, an export, or any answer', async () => {
    const services = await openTestServices();
    const actors = await accounts(services);
    await ok(services, 'users.resetPassword', { id: actors.reader.userId!, password: 'otra clave larga 987' });
    const sqlite = services.opened.sqlite;
    const everything = JSON.stringify([
      sqlite.prepare('SELECT * FROM audit_log').all(),
      await ok(services, 'users.list', {}),
      await okAs(services, actors.admin, 'me.get', {}),
    ]);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('otra clave');
    expect(everything).not.toContain('scrypt$');
    const stored = sqlite.prepare('SELECT password_hash FROM users').pluck().all() as string[];
    expect(stored.every((h) => h.startsWith('scrypt$') && !h.includes(PASSWORD))).toBe(true);
    const json = await ok(services, 'export.file', { format: 'json' });
    const text = Buffer.from(json.contentBase64, 'base64').toString('utf8');
    expect((JSON.parse(text) as { tables: Record<string, unknown> }).tables.users).toBeUndefined();
    expect(text).not.toContain('scrypt$');
    expect((await ok(services, 'export.tables', {})).tables.map((t) => t.name)).not.toContain('users');
  });

  it('refuses a short password, a taken login, and leaving the office without an active admin', async () => {
    const services = await openTestServices();
    const actors = await accounts(services);
    const short = await services.call('users.create', { login: 'bea', name: 'Bea', role: 'editor', password: 'corta' });
    expect(short).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: ['password'], message: 'errors.too_short|{"min":10}' }] } });
    const taken = await services.call('users.create', { login: ' ANA ', name: 'Otra Ana', role: 'reader', password: PASSWORD });
    expect(taken).toEqual({ ok: false, error: { kind: 'conflict', message: 'users.errors.loginTaken|{"login":"ana"}' } });
    const admin = (await ok(services, 'users.list', {})).find((u) => u.login === 'ana')!;
    expect(await services.call('users.update', { id: admin.id, version: admin.version, role: 'editor' })).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'users.errors.lastAdmin' },
    });
    expect(await services.call('users.update', { id: admin.id, version: admin.version, disabled: true })).toMatchObject({ ok: false });
    const promoted = await okAs(services, actors.admin, 'users.update', { id: actors.editor.userId!, version: 1, role: 'admin' });
    expect(promoted.role).toBe('admin');
    const disabled = await okAs(services, actors.admin, 'users.update', { id: admin.id, version: admin.version, disabled: true });
    expect(disabled.disabled).toBe(true);
    // A stale admin screen is refused by the version, as every record's edit is.
    expect(await services.call('users.update', { id: admin.id, version: admin.version, disabled: false })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/^errors\.stale/) },
    });
  });

  it('keeps language and "my tasks" per user, and the audit log names who made each change', async () => {
    const services = await openTestServices();
    const actors = await accounts(services);
    await ok(services, 'settings.update', { language: 'es', staff: ['Lucía Pérez', 'Wang Wei 王伟'] });
    await okAs(services, actors.editor, 'me.update', { language: 'pt' });
    expect((await okAs(services, actors.editor, 'settings.get', {})).language).toBe('pt');
    expect((await okAs(services, actors.reader, 'settings.get', {})).language).toBe('es');
    expect((await ok(services, 'settings.get', {})).language).toBe('es');
    await okAs(services, actors.editor, 'tasks.create', taskFields({ title: 'Para Lucía', assignee: 'Lucía Pérez' }));
    await okAs(services, actors.editor, 'tasks.create', taskFields({ title: 'Para Wang', assignee: 'Wang Wei 王伟' }));
    expect((await okAs(services, actors.reader, 'tasks.list', { view: 'mine' })).rows.map((t) => t.title)).toEqual(['Para Lucía']);
    expect((await okAs(services, actors.editor, 'tasks.list', { view: 'mine' })).rows.map((t) => t.title)).toEqual(['Para Wang']);
    const names = services.opened.sqlite.prepare("SELECT DISTINCT user_name FROM audit_log WHERE entity = 'task'").pluck().all();
    expect(names).toEqual(['Wang Wei 王伟']);
  });

  it('undo is per user: only your own last change, and refused when someone changed those rows since', async () => {
    const services = await openTestServices();
    const { editor, admin } = await accounts(services);
    const { agreement } = await partnerWithAgreement(services);
    const contact = await okAs(services, editor, 'contacts.create', wangFields);
    await okAs(services, editor, 'agreements.archive', { id: agreement.id });
    await okAs(services, admin, 'contacts.archive', { id: contact.id });
    // The admin cannot take back the editor's change, nor the editor the admin's.
    expect(await services.dispatch('undo.apply', { call: 'agreements.archive', id: agreement.id }, { actor: admin })).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'undo.errors.gone' },
    });
    expect(await services.dispatch('undo.apply', { call: 'contacts.archive', id: contact.id }, { actor: editor })).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'undo.errors.gone' },
    });
    // Each takes back their own, while the other's stays on offer.
    await okAs(services, admin, 'undo.apply', { call: 'contacts.archive', id: contact.id });
    expect((await ok(services, 'contacts.get', { id: contact.id })).archivedAt).toBeNull();
    // The admin restores the agreement and archives it again: the editor's undo now meets changed rows and is refused.
    await okAs(services, admin, 'agreements.restore', { id: agreement.id });
    const refused = await services.dispatch('undo.apply', { call: 'agreements.archive', id: agreement.id }, { actor: editor });
    expect(refused).toEqual({ ok: false, error: { kind: 'conflict', message: 'undo.errors.changed' } });
    const undoRow = services.opened.sqlite.prepare("SELECT user_name FROM audit_log WHERE entity = 'contact' AND action = 'restore'").pluck().get();
    expect(undoRow).toBe('Ana Torres');
  });
});

describe('two people saving the same record', () => {
  it('refuses the second save by the version, naming who changed it and when, the office’s way', async () => {
    const services = await openTestServices({ now: () => new Date('2026-05-04T15:12:00Z') });
    await ok(services, 'settings.update', { country: 'UY' });
    const { editor, admin } = await accounts(services);
    const contact = await okAs(services, editor, 'contacts.create', wangFields);
    await okAs(services, admin, 'contacts.update', { ...contact, title: 'Alcalde' });
    const second = await services.dispatch('contacts.update', { ...contact, title: 'Vicealcalde' }, { actor: editor });
    // The time on the server's clock, written as a Uruguayan office writes it (no ISO date on screen).
    expect(second).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/^errors\.staleBy\|\{"name":"Ana Torres","when":"4 may\. 2026, \d{1,2}:12[^"]*"\}$/) },
    });
    expect((await ok(services, 'contacts.get', { id: contact.id })).title).toBe('Alcalde');
  });
});

describe('users on the command line', () => {
  const run = async (args: string[], secret: string | null = null) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: { TWINNING_LANG: 'es' }, readSecret: async () => secret });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('adds the first admin with the password from standard input, lists, resets and disables', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    expect((await run(['init', '--db', file])).code).toBe(0);
    expect(await run(['users', 'list', '--db', file])).toMatchObject({ code: 0, out: expect.stringContaining('Todavía no hay cuentas') });
    // No password on standard input: refused, nothing created.
    expect(await run(['users', 'add', '--db', file, '--login', 'ana', '--name', 'Ana Torres', '--role', 'admin'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('entrada estándar'),
    });
    // The password is never an option.
    expect((await run(['users', 'add', '--db', file, '--login', 'ana', '--name', 'Ana Torres', '--role', 'admin', '--password', PASSWORD])).code).toBe(2);
    expect(await run(['users', 'add', '--db', file, '--login', 'ana', '--name', 'Ana Torres', '--role', 'admin'], PASSWORD)).toMatchObject({
      code: 0,
      out: 'Cuenta creada: ana (Ana Torres, Administrador).',
    });
    expect((await run(['users', 'add', '--db', file, '--login', 'bea', '--name', 'Bea', '--role', 'reader'], 'corta')).err).toMatch(/10/);
    expect((await run(['users', 'add', '--db', file, '--login', 'lucia', '--name', 'Lucía Pérez', '--role', 'editor'], PASSWORD)).code).toBe(0);
    expect((await run(['users', 'reset-password', '--db', file, '--login', 'lucia'], 'nueva clave larga')).out).toBe('Contraseña cambiada para lucia.');
    // A login is read as the contract reads one (trimmed, lower-case); one that names nobody is refused as typed.
    expect((await run(['users', 'reset-password', '--db', file, '--login', ' Lucia '], 'otra clave larga')).out).toBe('Contraseña cambiada para lucia.');
    expect(await run(['users', 'disable', '--db', file, '--login', 'nadie'])).toMatchObject({ code: 1, err: expect.stringContaining('nadie') });
    expect(await run(['users', 'reset-password', '--db', file, '--login', '¿?'], PASSWORD)).toMatchObject({ code: 1, err: expect.stringContaining('¿?') });
    expect((await run(['users', 'disable', '--db', file, '--login', 'lucia'])).out).toBe('Cuenta desactivada: lucia.');
    expect((await run(['users', 'disable', '--db', file, '--login', 'ana'])).err).toMatch(/último administrador/);
    const listed = await run(['users', 'list', '--db', file, '--json']);
    expect(JSON.parse(listed.out)).toEqual([
      { login: 'ana', name: 'Ana Torres', role: 'admin', disabled: false, lastLoginAt: null },
      { login: 'lucia', name: 'Lucía Pérez', role: 'editor', disabled: true, lastLoginAt: null },
    ]);
    expect(fs.readFileSync(file).includes(Buffer.from(PASSWORD))).toBe(false);
  });
});

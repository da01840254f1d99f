import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOfficeServer } from '../../electron/core/office/server.ts';
import { serverCertificate } from '../../electron/core/office/tls.ts';
import { acquireServerLock, ServerLockedError } from '../../electron/core/office/lock.ts';
import { parseListen } from '../../electron/core/office/run.ts';
import { shanghaiFields } from '../support/factories.ts';
import { accounts, PASSWORD } from '../support/actors.ts';
import { ok, openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';
import { callAs, form, request, signIn } from '../support/office-client.ts';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

async function office(options: { now?: () => Date; users?: boolean } = {}) {
  const services = await openTestServices();
  const actors = options.users === false ? null : await accounts(services);
  const tls = await serverCertificate(services.file, {});
  const server = await startOfficeServer({ services, rendererDir, host: '127.0.0.1', port: 0, tls, now: options.now, log: () => {} });
  const access = () =>
    services.opened.sqlite.prepare("SELECT action, user_name, after_json FROM audit_log WHERE entity = 'access' ORDER BY id").all() as {
      action: string;
      user_name: string;
      after_json: string;
    }[];
  return { services, actors, server, tls, port: server.port, access, [Symbol.asyncDispose]: () => server.close() };
}

describe('the office server: certificate and lock', () => {
  it('makes a self-signed certificate once, beside the data file, its key readable by this account only, and keeps its fingerprint', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const first = await serverCertificate(file, { hosts: ['192.168.1.20'] });
    expect(first.created).toBe(true);
    expect(path.dirname(first.certFile)).toBe(path.dirname(file));
    if (process.platform !== 'win32') expect(fs.statSync(first.keyFile).mode & 0o777).toBe(0o600);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const cert = new X509Certificate(first.cert);
    expect(cert.subjectAltName).toContain('IP Address:192.168.1.20');
    expect(cert.checkPrivateKey((await import('node:crypto')).createPrivateKey(first.key))).toBe(true);
    const again = await serverCertificate(file, {});
    expect(again).toMatchObject({ created: false, fingerprint: first.fingerprint });
  });

  it('refuses a second server on the same file, and lets the next one start once the first is gone', () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const lock = acquireServerLock(file);
    expect(() => acquireServerLock(file)).toThrow(ServerLockedError);
    lock.release();
    acquireServerLock(file).release();
  });

  it('reads --listen as HOST:PORT, [v6]:PORT or a bare port on loopback', () => {
    expect(parseListen('127.0.0.1:8443')).toEqual({ host: '127.0.0.1', port: 8443 });
    expect(parseListen('8443')).toEqual({ host: '127.0.0.1', port: 8443 });
    expect(parseListen('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(parseListen('0.0.0.0:70000')).toBeNull();
    expect(parseListen('oficina')).toBeNull();
  });
});

describe('the office server: sign-in, sessions and refusals', () => {
  it('signs in with a session cookie no script can read, and answers the contract as that user', async () => {
    await using o = await office();
    const page = await request(o.port, '/');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/login');
    const login = await request(o.port, '/login');
    expect(login.body).toContain('Iniciar sesión');
    expect(login.fingerprint).toBe(o.tls.fingerprint);
    const reply = await request(o.port, '/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ login: 'WANG', password: PASSWORD }),
    });
    expect(reply.status).toBe(303);
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/^twinning_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const wang = await signIn(o.port, 'wang', PASSWORD);
    const created = await callAs(o.port, wang, 'localities.create', shanghaiFields);
    expect(created.result.ok).toBe(true);
    const row = o.services.opened.sqlite.prepare("SELECT user_name, user_id FROM audit_log WHERE entity = 'locality'").get();
    expect(row).toEqual({ user_name: 'Wang Wei 王伟', user_id: o.actors!.editor.userId });
    expect(
      o
        .access()
        .filter((a) => a.action === 'login')
        .map((a) => a.user_name),
    ).toEqual(['Wang Wei 王伟', 'Wang Wei 王伟']);
  });

  it('refuses a wrong password, an unknown login and a disabled user the same careful way, audited without the password', async () => {
    await using o = await office();
    const tryLogin = (login: string, password: string) =>
      request(o.port, '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ login, password }) });
    const wrong = await tryLogin('wang', 'no es la clave 1');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Usuario o contraseña incorrectos.');
    const nobody = await tryLogin('nadie', 'no es la clave 1');
    expect(nobody.body).toContain('Usuario o contraseña incorrectos.');
    await ok(o.services, 'users.update', { id: o.actors!.reader.userId!, version: 1, disabled: true });
    const disabled = await tryLogin('lucia', PASSWORD);
    expect(disabled.status).toBe(403);
    expect(disabled.body).toContain('desactivada');
    const rows = o.access();
    expect(rows.map((r) => [r.action, JSON.parse(r.after_json).reason])).toEqual([
      ['refuse', 'password'],
      ['refuse', 'unknown_login'],
      ['refuse', 'disabled'],
    ]);
    expect(JSON.stringify(rows)).not.toContain('no es la clave');
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });

  it('makes each failed attempt past the third wait longer, per account and per address', async () => {
    let clock = new Date('2026-05-04T10:00:00Z').getTime();
    await using o = await office({ now: () => new Date(clock) });
    const tryLogin = (password: string) =>
      request(o.port, '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ login: 'ana', password }) });
    for (let i = 0; i < 3; i++) expect((await tryLogin('mala clave 000')).status).toBe(401);
    // Fourth failure: from now on each one costs a growing wait, even with the right password.
    expect((await tryLogin('mala clave 000')).status).toBe(401);
    const held = await tryLogin(PASSWORD);
    expect(held.status).toBe(429);
    expect(held.headers['retry-after']).toBe('1');
    expect(held.body).toContain('Espere 1 s');
    clock += 1100;
    expect((await tryLogin('mala clave 000')).status).toBe(401);
    expect((await tryLogin(PASSWORD)).headers['retry-after']).toBe('2');
    clock += 2100;
    expect((await tryLogin(PASSWORD)).status).toBe(303);
    expect(o.access().filter((r) => JSON.parse(r.after_json).reason === 'throttled')).toHaveLength(2);
  });

  it('refuses a call with no session, no CSRF token, a forged or replayed one, or from another site, writing nothing but the audit row', async () => {
    await using o = await office();
    const ana = await signIn(o.port, 'ana', PASSWORD);
    const wang = await signIn(o.port, 'wang', PASSWORD);
    const before = tableCounts(o.services);
    const cases = [
      [await callAs(o.port, null, 'localities.create', shanghaiFields), 401, 'session.errors.none'],
      [await callAs(o.port, { cookie: ana.cookie, csrf: '' }, 'localities.create', shanghaiFields), 403, 'session.errors.csrf'],
      [await callAs(o.port, { cookie: ana.cookie, csrf: 'x'.repeat(43) }, 'localities.create', shanghaiFields), 403, 'session.errors.csrf'],
      // Another session's token (a replay) fits only that session.
      [await callAs(o.port, { cookie: ana.cookie, csrf: wang.csrf }, 'localities.create', shanghaiFields), 403, 'session.errors.csrf'],
      [await callAs(o.port, ana, 'localities.create', shanghaiFields, { origin: 'https://evil.example' }), 403, 'session.errors.origin'],
      [await callAs(o.port, { cookie: 'twinning_session=forged', csrf: ana.csrf }, 'localities.create', shanghaiFields), 401, 'session.errors.none'],
    ] as const;
    for (const [reply, status, message] of cases) {
      expect(reply.status).toBe(status);
      expect(reply.result).toMatchObject({ ok: false, error: { message } });
    }
    expect({ ...tableCounts(o.services), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect(
      o
        .access()
        .filter((r) => r.action === 'refuse')
        .map((r) => JSON.parse(r.after_json).reason),
    ).toEqual(['session', 'csrf', 'csrf', 'csrf', 'origin', 'session']);
    // After sign-out, the old cookie and its token are worth nothing.
    const out = await request(o.port, '/logout', { method: 'POST', headers: { cookie: ana.cookie, 'x-twinning-csrf': ana.csrf } });
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await callAs(o.port, ana, 'localities.list', {})).status).toBe(401);
  });

  it('refuses a reader’s write in the services, and ends a disabled user’s session at once', async () => {
    await using o = await office();
    const lucia = await signIn(o.port, 'lucia', PASSWORD);
    const ana = await signIn(o.port, 'ana', PASSWORD);
    expect((await callAs(o.port, lucia, 'localities.list', {})).result.ok).toBe(true);
    const write = await callAs(o.port, lucia, 'localities.create', shanghaiFields);
    expect(write.result).toEqual({ ok: false, error: { kind: 'forbidden', message: 'access.errors.needs_editor' } });
    expect(JSON.parse(o.access().at(-1)!.after_json)).toEqual({ reason: 'role', call: 'localities.create', address: '127.0.0.1' });
    const user = (await ok(o.services, 'users.list', {})).find((u) => u.login === 'lucia')!;
    expect((await callAs(o.port, ana, 'users.update', { id: user.id, version: user.version, disabled: true })).result.ok).toBe(true);
    const after = await callAs(o.port, lucia, 'localities.list', {});
    expect(after.status).toBe(401);
  });

  it('ends a session left idle longer than the office’s setting', async () => {
    let clock = new Date('2026-05-04T10:00:00Z').getTime();
    await using o = await office({ now: () => new Date(clock) });
    const ana = await signIn(o.port, 'ana', PASSWORD);
    clock += 7 * 3600 * 1000;
    expect((await callAs(o.port, ana, 'localities.list', {})).result.ok).toBe(true);
    clock += 8 * 3600 * 1000 + 1000;
    const late = await callAs(o.port, ana, 'localities.create', shanghaiFields);
    expect(late).toEqual({ status: 401, result: { ok: false, error: { kind: 'forbidden', message: 'session.errors.expired' } } });
    expect(JSON.parse(o.access().at(-1)!.after_json).reason).toBe('expired');
    expect((await ok(o.services, 'localities.list', {})).length).toBe(0);
  });

  it('creates the first admin from the server’s own computer only while there is no account', async () => {
    await using o = await office({ users: false });
    expect((await request(o.port, '/')).headers.location).toBe('/first-run');
    expect((await request(o.port, '/first-run')).body).toContain('Crear el primer administrador');
    const mismatch = await request(o.port, '/first-run', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ name: 'Ana Torres', login: 'ana', password: PASSWORD, repeat: 'otra cosa 123' }),
    });
    expect(mismatch.body).toContain('no coinciden');
    const made = await request(o.port, '/first-run', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ name: 'Ana Torres', login: 'ana', password: PASSWORD, repeat: PASSWORD }),
    });
    expect(made.status).toBe(303);
    expect((await ok(o.services, 'users.list', {})).map((u) => [u.login, u.role])).toEqual([['ana', 'admin']]);
    const second = await request(o.port, '/first-run', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ name: 'Mallory', login: 'mallory', password: PASSWORD, repeat: PASSWORD }),
    });
    expect(second.status).toBe(403);
    expect((await ok(o.services, 'users.list', {})).length).toBe(1);
  });
});

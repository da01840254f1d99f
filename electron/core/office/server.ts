import https from 'node:https';
import type http from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../rules/navigation.ts';
import type { Services } from '../services.ts';
import { createI18n, translateMessage } from '../../../shared/i18n/index.ts';
import { LOCAL_ACTOR, type Actor, type Me } from '../../../shared/contract/users.ts';
import { sendAttachment, serveFile } from '../web/server.ts';
import { closeServer, foreignOrigin, guardRequests, listen, mediaType, readBody, readCall, send, wrongMethod } from '../web/guard.ts';
import { recordAccess, type AccessEvent } from '../features/users/access-log.ts';
import { actorOf, userById, userByLogin, userCount } from '../features/users/store.ts';
import { verifyAgainstDecoy, verifyPassword } from '../features/users/passwords.ts';
import { readSettings } from '../features/settings/store.ts';
import { clearedCookie, cookieValue, createSessionStore, CSRF_HEADER, SESSION_COOKIE, sessionCookie, type Session } from './sessions.ts';
import { createThrottle } from './throttle.ts';
import { firstRunPage, loginPage } from './pages.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onlineBackup } from '../backup/online.ts';
import { roleAllows } from '../../../shared/contract/users.ts';

export type OfficeServer = { url: string; port: number; host: string; fingerprint: string; close(): Promise<void> };

/** The login and first-run forms post to us: the app's policy (`form-action 'none'`) made same-site for them alone. */
const PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("form-action 'none'", "form-action 'self'");
/** Why the page was sent to the login (`?why=`), said on it; anything else is not shown. */
const LOGIN_NOTICES: Record<string, string> = { expired: 'session.errors.expired', disabled: 'session.errors.disabled', none: 'session.errors.none' };
/** A login form is small; anything larger is not one. */
const MAX_FORM = 4096;

/** A refusal of who is asking (no session, a bad CSRF token, another site): the renderer sends the user to the login. */
const denied = (message: string) => JSON.stringify({ ok: false, error: { kind: 'forbidden', message } });

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
export const isLoopback = (address: string | undefined) => LOOPBACK.has(address ?? '');

/**
 * The office server: the same contract as `npm run web`, over HTTPS, for several signed-in
 * users at once. Each request is checked in this order: Host (DNS rebinding), Origin (another
 * site), session cookie (who), CSRF header bound to that session (that it is our page asking),
 * then the services check the user's role. Every refusal past the Host check is written to the
 * audit log with the address, never with a password or a token.
 */
export async function startOfficeServer(opts: {
  services: Services;
  rendererDir: string;
  host: string;
  port: number;
  tls: { cert: string; key: string; fingerprint: string };
  log?: (error: unknown) => void;
  now?: () => Date;
}): Promise<OfficeServer> {
  const { services } = opts;
  const log = opts.log ?? console.error;
  const now = opts.now ?? (() => new Date());
  const db = () => services.opened.db;
  let idleMs = 8 * 3600 * 1000;
  const refreshIdle = async () => {
    idleMs = (await readSettings(db())).sessionIdleHours * 3600 * 1000;
  };
  await refreshIdle();
  const sessions = createSessionStore({ idleMs: () => idleMs, now: () => now().getTime() });
  const throttle = createThrottle(() => now().getTime());
  let port = 0;

  const audit = (event: AccessEvent) => recordAccess(db(), event, now()).catch(log);

  const server = https.createServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' });
  guardRequests(server, route, log);
  // A browser that refuses our self-signed certificate closes the TLS handshake: not an error worth a line.
  server.on('tlsClientError', () => {});

  /** The names this server answers to: loopback always, the listening address, any name when listening on every address. */
  const hostAllowed = (host: string) => {
    const everywhere = opts.host === '0.0.0.0' || opts.host === '::';
    if (everywhere) return host.endsWith(`:${port}`);
    const listening = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${listening}:${port}`].includes(host);
  };
  const addressOf = (req: http.IncomingMessage) => req.socket.remoteAddress ?? '';

  async function officeText() {
    const settings = await readSettings(db());
    return { t: createI18n(settings.language).t, language: settings.language, officeName: settings.officeName };
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const host = req.headers.host ?? '';
    if (!hostAllowed(host)) return send(res, 421, 'text/plain', 'Misdirected request');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const path = url.pathname;
    if (path === '/login' && req.method === 'POST') return login(req, res, host);
    if (path === '/login')
      return showLogin(res, LOGIN_NOTICES[url.searchParams.get('why') ?? ''] ?? (url.searchParams.get('out') === '1' ? 'session.login.signedOut' : undefined));
    if (path === '/first-run' && req.method === 'POST') return firstRun(req, res, host);
    if (path === '/first-run') return showFirstRun(req, res);
    if (path === '/logout' && req.method === 'POST') return logout(req, res, host);
    if (path === '/session' && req.method === 'GET') return sessionInfo(req, res);
    if (path.startsWith('/api/')) return handleCall(req, res, path.slice('/api/'.length), host);
    if (path.startsWith('/attachments/')) return handleDownload(req, res, path.slice('/attachments/'.length), host);
    if (path === '/backup' && req.method === 'GET') return downloadBackup(req, res, host);
    if (wrongMethod(req, res, ['GET', 'HEAD'], 'text')) return;
    // The app's page needs a session: without one, the login (or, on a new office, the first-run form).
    if (path === '/' || path === '/index.html') {
      const found = currentSession(req);
      if (!found.session) return redirect(res, (await userCount(db())) === 0 ? '/first-run' : found.expired ? '/login?why=expired' : '/login');
    }
    return serveFile(res, opts.rendererDir, url.pathname);
  }

  function currentSession(req: http.IncomingMessage): { session: Session | null; expired: boolean; disabled: boolean } {
    const found = sessions.find(cookieValue(req.headers.cookie, SESSION_COOKIE));
    return typeof found === 'string'
      ? { session: null, expired: found === 'expired', disabled: found === 'disabled' }
      : { session: found, expired: false, disabled: false };
  }

  /** The signed-in user behind a request, checked against the users table each time (a disabled user is out at once). */
  async function signedIn(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    host: string,
    call: string,
    write: boolean,
  ): Promise<{ actor: Actor; session: Session } | null> {
    const address = addressOf(req);
    if (foreignOrigin(req, 'https', host)) {
      await audit({ action: 'refuse', reason: 'origin', call, address });
      send(res, 403, 'application/json', denied('session.errors.origin'));
      return null;
    }
    const { session, expired, disabled } = currentSession(req);
    if (!session) {
      await audit({ action: 'refuse', reason: expired ? 'expired' : disabled ? 'disabled' : 'session', call, address });
      send(res, 401, 'application/json', denied(expired ? 'session.errors.expired' : disabled ? 'session.errors.disabled' : 'session.errors.none'));
      return null;
    }
    const user = await userById(db(), session.userId);
    if (!user || user.disabled_at !== null) {
      sessions.closeAllOf(session.userId, 'disabled');
      await audit({ action: 'refuse', reason: 'disabled', call, address, user: user ? { id: user.id, name: user.name } : undefined });
      send(res, 401, 'application/json', denied('session.errors.disabled'));
      return null;
    }
    if (write && !sessions.csrfMatches(session, headerOf(req, CSRF_HEADER))) {
      await audit({ action: 'refuse', reason: 'csrf', call, address, user: { id: user.id, name: user.name } });
      send(res, 403, 'application/json', denied('session.errors.csrf'));
      return null;
    }
    return { actor: actorOf(user), session };
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, name: string, host: string) {
    if (wrongMethod(req, res, ['POST'], 'call')) return;
    const who = await signedIn(req, res, host, name, true);
    if (!who) return;
    const call = await readCall(req, res, name);
    if (!call) return;
    const { input, jobId } = call;
    const result = await services.dispatch(name, input, { jobId, actor: who.actor, address: addressOf(req) });
    // Whoever was disabled or had a new password set is signed out everywhere at once.
    if (result.ok && (name === 'users.update' || name === 'users.resetPassword')) {
      const target = input as { id?: unknown; disabled?: unknown };
      if (typeof target.id === 'number' && (name === 'users.resetPassword' || target.disabled === true) && target.id !== who.actor.userId) {
        sessions.closeAllOf(target.id, name === 'users.resetPassword' ? 'password' : 'disabled');
      }
    }
    if (result.ok && name === 'settings.update') await refreshIdle();
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, rest: string, host: string) {
    if (wrongMethod(req, res, ['GET'], 'text')) return;
    // A download changes nothing, but it is fetched by our page with the header like every call.
    const who = await signedIn(req, res, host, 'attachments.download', true);
    if (!who) return;
    return sendAttachment(res, services, rest);
  }

  /**
   * An admin downloads a consistent copy of the server's file (SQLite's online backup, taken
   * now), to keep elsewhere. The server's own automatic, rotated backups go on as on the desktop.
   */
  async function downloadBackup(req: http.IncomingMessage, res: http.ServerResponse, host: string) {
    const who = await signedIn(req, res, host, 'backups.download', true);
    if (!who) return;
    if (!roleAllows(who.actor.role, 'admin')) {
      await audit({
        action: 'refuse',
        reason: 'role',
        call: 'backups.download',
        address: addressOf(req),
        user: { id: who.actor.userId, name: who.actor.name },
      });
      return send(res, 403, 'application/json', denied('access.errors.needs_admin'));
    }
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'twinning-download-'));
    try {
      const copy = await onlineBackup(services.opened.path, path.join(dir, 'copia.sqlite'));
      const name = `Twinning Desk ${now().toISOString().slice(0, 10)}.sqlite`;
      send(res, 200, 'application/vnd.sqlite3', await fs.promises.readFile(copy.file), { 'content-disposition': `attachment; filename="${name}"` });
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  async function sessionInfo(req: http.IncomingMessage, res: http.ServerResponse) {
    const { session, expired } = currentSession(req);
    const user = session ? await userById(db(), session.userId) : undefined;
    if (!session || !user || user.disabled_at !== null)
      return send(res, 401, 'application/json', denied(expired ? 'session.errors.expired' : 'session.errors.none'));
    const me: Me = { userId: user.id, login: user.login, name: user.name, role: user.role, language: user.language, server: true };
    send(res, 200, 'application/json', JSON.stringify({ csrf: session.csrf, me }));
  }

  async function showLogin(res: http.ServerResponse, notice?: string) {
    if ((await userCount(db())) === 0) return redirect(res, '/first-run');
    const text = await officeText();
    const isError = notice === 'session.errors.expired' || notice === 'session.errors.disabled';
    sendPage(res, 200, loginPage(text, isError ? { error: text.t(notice) } : { notice: notice ? text.t(notice) : undefined }));
  }

  async function login(req: http.IncomingMessage, res: http.ServerResponse, host: string) {
    const address = addressOf(req);
    if (foreignOrigin(req, 'https', host)) {
      await audit({ action: 'refuse', reason: 'origin', call: 'login', address });
      return send(res, 403, 'text/plain', 'Forbidden');
    }
    const form = await readForm(req);
    const text = await officeText();
    const typed = (form?.get('login') ?? '').trim().toLowerCase().slice(0, 40);
    const password = form?.get('password') ?? '';
    const again = (status: number, key: string, params?: Record<string, unknown>) =>
      sendPage(res, status, loginPage(text, { error: translateMessage(text.t, params ? `${key}|${JSON.stringify(params)}` : key), login: typed }));
    if (!form || !typed || !password) return again(400, 'session.errors.missing');
    const keys = [`login:${typed}`, `address:${address}`];
    const wait = throttle.wait(keys);
    if (wait > 0) {
      await audit({ action: 'refuse', reason: 'throttled', login: typed, address });
      res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
      return again(429, 'session.errors.throttled', { seconds: Math.ceil(wait / 1000) });
    }
    const user = await userByLogin(db(), typed);
    const good = user ? await verifyPassword(password.slice(0, 200), user.password_hash) : await verifyAgainstDecoy(password.slice(0, 200));
    if (!user || !good) {
      throttle.failed(keys);
      await audit({
        action: 'refuse',
        reason: user ? 'password' : 'unknown_login',
        login: typed,
        address,
        user: user ? { id: user.id, name: user.name } : undefined,
      });
      return again(401, 'session.errors.password');
    }
    if (user.disabled_at !== null) {
      await audit({ action: 'refuse', reason: 'disabled', login: typed, address, user: { id: user.id, name: user.name } });
      return again(403, 'session.errors.disabled');
    }
    throttle.succeeded(keys);
    const session = sessions.open(user.id, address);
    await db().updateTable('users').set({ last_login_at: now().toISOString() }).where('id', '=', user.id).execute();
    await audit({ action: 'login', reason: 'password', login: typed, address, user: { id: user.id, name: user.name } });
    res.setHeader('set-cookie', sessionCookie(session.id));
    redirect(res, '/');
  }

  async function logout(req: http.IncomingMessage, res: http.ServerResponse, host: string) {
    const who = await signedIn(req, res, host, 'logout', true);
    if (!who) return;
    sessions.close(who.session.id);
    await audit({ action: 'logout', reason: 'user', address: addressOf(req), user: { id: who.actor.userId, name: who.actor.name } });
    res.setHeader('set-cookie', clearedCookie());
    send(res, 200, 'application/json', JSON.stringify({ ok: true, value: null }));
  }

  /** The first admin, from the server's own computer only, and only while the office has no account at all. */
  async function showFirstRun(req: http.IncomingMessage, res: http.ServerResponse) {
    if ((await userCount(db())) > 0) return redirect(res, '/login');
    sendPage(res, 200, firstRunPage(await officeText(), { allowed: isLoopback(addressOf(req)) }));
  }

  async function firstRun(req: http.IncomingMessage, res: http.ServerResponse, host: string) {
    const address = addressOf(req);
    const text = await officeText();
    if (foreignOrigin(req, 'https', host) || !isLoopback(address) || (await userCount(db())) > 0) {
      await audit({ action: 'refuse', reason: 'first_run', address });
      return sendPage(res, 403, firstRunPage(text, { allowed: false }));
    }
    const form = await readForm(req);
    const fields = { login: form?.get('login') ?? '', name: form?.get('name') ?? '', password: form?.get('password') ?? '' };
    const again = (message: string) =>
      sendPage(res, 400, firstRunPage(text, { allowed: true, error: translateMessage(text.t, message), login: fields.login, name: fields.name }));
    if (fields.password !== (form?.get('repeat') ?? '')) return again('session.firstRun.mismatch');
    const created = await services.dispatch('users.create', { ...fields, role: 'admin' }, { actor: LOCAL_ACTOR, address });
    if (!created.ok) {
      const e = created.error;
      return again(
        e.kind === 'validation'
          ? `${text.t(`session.firstRun.field.${String(e.issues[0]?.path[0])}`)}: ${translateMessage(text.t, e.issues[0]?.message ?? 'errors.invalid')}`
          : e.kind === 'not_found'
            ? 'errors.not_found'
            : e.message,
      );
    }
    const user = created.value as { id: number; name: string };
    const session = sessions.open(user.id, address);
    await audit({ action: 'login', reason: 'first_run', login: fields.login, address, user: { id: user.id, name: user.name } });
    res.setHeader('set-cookie', sessionCookie(session.id));
    redirect(res, '/');
  }

  port = await listen(server, opts.port, opts.host, log);
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `https://${shown}:${port}/`,
    port,
    host: opts.host,
    fingerprint: opts.tls.fingerprint,
    close: () => closeServer(server),
  };
}

const headerOf = (req: http.IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

function redirect(res: http.ServerResponse, to: string) {
  res.writeHead(303, { location: to, 'cache-control': 'no-store', 'content-security-policy': CONTENT_SECURITY_POLICY, 'referrer-policy': 'no-referrer' });
  res.end();
}

function sendPage(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_POLICY,
    'x-content-type-options': 'nosniff',
    // Not no-referrer: under it Chromium sends the form's Origin as "null", and the Origin check needs ours.
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

/** A urlencoded form of at most a few kilobytes; anything else is no form. */
async function readForm(req: http.IncomingMessage): Promise<URLSearchParams | null> {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') return null;
  const body = await readBody(req, MAX_FORM);
  if (typeof body === 'string') return null;
  return new URLSearchParams(body.toString('utf8'));
}

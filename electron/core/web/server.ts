import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../rules/navigation.ts';
import { mimeType } from '../rules/mime.ts';
import { resolveInside } from '../rules/resolve-inside.ts';
import type { Services } from '../services.ts';
import { jobId } from '../../../shared/contract/jobs.ts';
import { attachmentForDownload } from '../features/attachments/app.ts';
import { attachmentMimeType } from '../rules/attachment-types.ts';

export const TOKEN_HEADER = 'x-twinning-token';
/** The id the page gave a long call, to ask its progress and cancel it (`jobs.progress`, `jobs.cancel`). */
export const JOB_HEADER = 'x-twinning-job';
/** Largest request body: a 10 MB attachment travels base64-encoded in one JSON call. */
export const MAX_BODY = 20 * 1024 * 1024;
// Call names are plain words with dots; nothing to decode, so nothing that can throw.
export const CALL_NAME = /^[A-Za-z][\w.]{0,99}$/;

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

export const refusal = (message: string) => JSON.stringify({ ok: false, error: { kind: 'internal', message } });

/**
 * Serves the built renderer and the contract on loopback only. Calls need the
 * per-run token; the Host check stops other sites reaching us by DNS rebinding,
 * the Origin and content-type checks stop a page elsewhere from posting to us.
 * Every request runs inside one guard: whatever it throws becomes an answer,
 * never an unhandled rejection that would end the process.
 */
export async function startWebServer(opts: {
  services: Services;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (error: unknown) => void;
}): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  const log = opts.log ?? console.error;
  let port = 0;

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(error);
      if (!res.headersSent) send(res, 500, 'application/json', refusal('errors.internal'));
      else res.destroy();
    });
  });
  // Malformed HTTP that Node cannot parse: a plain 400, then the connection goes.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'Misdirected request');
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) return handleCall(req, res, url.slice('/api/'.length), host);
    if (url.startsWith('/attachments/')) return handleDownload(req, res, url.slice('/attachments/'.length), host);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    return serveFile(res, opts.rendererDir, url);
  }

  function authorised(req: http.IncomingMessage) {
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** A browser sends Origin on cross-site requests; only our own page may call us. */
  const foreignOrigin = (req: http.IncomingMessage, host: string) => req.headers.origin !== undefined && req.headers.origin !== `http://${host}`;

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, name: string, host: string) {
    if (req.method !== 'POST') return send(res, 405, 'application/json', refusal('errors.bad_request'));
    if (foreignOrigin(req, host) || !authorised(req)) return send(res, 403, 'application/json', refusal('errors.forbidden'));
    const call = await readCall(req, res, name);
    if (!call) return;
    const { input, jobId } = call;
    const result = await opts.services.dispatch(name, input, { jobId });
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  /** An attached file, for the renderer to save; the same token guards it as every call. */
  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, rest: string, host: string) {
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    if (foreignOrigin(req, host) || !authorised(req)) return send(res, 403, 'text/plain', 'Forbidden');
    return sendAttachment(res, opts.services, rest);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after listening (a socket failing) are logged, never thrown at the process.
  server.on('error', log);
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser tab can hold a request open; let in-flight calls finish, then stop waiting for it.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}

/**
 * A call's JSON input and job id, once its type, name and size are right; null when a refusal
 * was already sent (wrong type 415, unknown name 404, too large 413, not JSON 400, client gone).
 */
export async function readCall(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
): Promise<{ input: unknown; jobId: string | undefined } | null> {
  const refuse = (status: number, key: string) => {
    send(res, status, 'application/json', refusal(key));
    return null;
  };
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json') return refuse(415, 'errors.bad_request');
  if (!CALL_NAME.test(name)) return refuse(404, 'errors.unknown_call');
  const body = await readBody(req, MAX_BODY);
  if (body === 'too_large') {
    tooLarge(req, res);
    return null;
  }
  if (body === 'aborted') return null;
  try {
    const job = jobId.safeParse(req.headers[JOB_HEADER]);
    return { input: body.length ? JSON.parse(body.toString('utf8')) : {}, jobId: job.success ? job.data : undefined };
  } catch {
    return refuse(400, 'errors.bad_request');
  }
}

/** An attached file, by its link's id, for the page to save (both servers guard the route before this). */
export async function sendAttachment(res: http.ServerResponse, services: Services, rest: string) {
  const linkId = Number(rest);
  if (!Number.isSafeInteger(linkId) || linkId <= 0) return send(res, 404, 'text/plain', 'Not found');
  const { opened } = services;
  const found = await attachmentForDownload({ db: opened.db, opened }, linkId);
  if (!found.file) return send(res, found.reason === 'missing' ? 410 : 404, 'text/plain', found.reason ?? 'not_found');
  let body: Buffer;
  try {
    body = await fs.promises.readFile(found.file);
  } catch {
    return send(res, 410, 'text/plain', 'missing');
  }
  const name = found.link.fileName;
  // The type comes from our allow-list by the file's name, never from what was stored with it.
  send(res, 200, attachmentMimeType(name), body, {
    // RFC 6266/5987: an ASCII fallback plus the real (maybe Chinese) name.
    'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

/** A file of the built renderer; nothing outside its folder. */
export async function serveFile(res: http.ServerResponse, rendererDir: string, url: string) {
  const file = resolveInside(rendererDir, url);
  if (!file) return send(res, 404, 'text/plain', 'Not found');
  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    return send(res, 404, 'text/plain', 'Not found');
  }
  send(res, 200, mimeType(file), body);
}

/** The body, or why there is none: over `limit` (told by Content-Length or counted), or the client went away. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too_large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      resolve('too_large');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve(size > limit ? 'too_large' : req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}

/** 413, then the connection closes: the rest of the body is never read. */
export function tooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
  res.once('finish', () => req.destroy());
  send(res, 413, 'application/json', refusal(`errors.too_large|${JSON.stringify({ max: MAX_BODY / 1024 / 1024 })}`), { connection: 'close' });
}

export function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    ...extra,
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

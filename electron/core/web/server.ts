import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { mimeType } from '../rules/mime.ts';
import { resolveInside } from '../rules/resolve-inside.ts';
import type { Services } from '../services.ts';
import { attachmentForDownload } from '../features/attachments/app.ts';
import { attachmentMimeType } from '../rules/attachment-types.ts';
import { closeServer, foreignOrigin, guardRequests, listen, readCall, refusal, send, wrongMethod } from './guard.ts';

export const TOKEN_HEADER = 'x-twinning-token';

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

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

  const server = http.createServer();
  guardRequests(server, route, log);

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'Misdirected request');
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) return handleCall(req, res, url.slice('/api/'.length), host);
    if (url.startsWith('/attachments/')) return handleDownload(req, res, url.slice('/attachments/'.length), host);
    if (wrongMethod(req, res, ['GET', 'HEAD'], 'text')) return;
    return serveFile(res, opts.rendererDir, url);
  }

  function authorised(req: http.IncomingMessage) {
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, name: string, host: string) {
    if (wrongMethod(req, res, ['POST'], 'call')) return;
    if (foreignOrigin(req, 'http', host) || !authorised(req)) return send(res, 403, 'application/json', refusal('errors.forbidden'));
    const call = await readCall(req, res, name);
    if (!call) return;
    const { input, jobId } = call;
    const result = await opts.services.dispatch(name, input, { jobId });
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  /** An attached file, for the renderer to save; the same token guards it as every call. */
  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, rest: string, host: string) {
    if (wrongMethod(req, res, ['GET'], 'text')) return;
    if (foreignOrigin(req, 'http', host) || !authorised(req)) return send(res, 403, 'text/plain', 'Forbidden');
    return sendAttachment(res, opts.services, rest);
  }

  port = await listen(server, opts.port ?? 0, '127.0.0.1', log);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => closeServer(server),
  };
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

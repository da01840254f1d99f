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

export const TOKEN_HEADER = 'x-twinning-token';
/** The id the page gave a long call, to ask its progress and cancel it (`jobs.progress`, `jobs.cancel`). */
export const JOB_HEADER = 'x-twinning-job';
const MAX_BODY = 20 * 1024 * 1024;

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

/**
 * Serves the built renderer and the contract on loopback only. Calls need the
 * per-run token; the Host check stops other sites reaching us by DNS rebinding.
 */
export async function startWebServer(opts: {
  services: Services;
  rendererDir: string;
  port?: number;
  token?: string;
}): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let port = 0;

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'Misdirected request');
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) return handleCall(req, res, url.slice(5));
    if (url.startsWith('/attachments/')) return handleDownload(req, res, url.slice('/attachments/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    serveFile(res, url);
  });

  function authorised(req: http.IncomingMessage) {
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function handleCall(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
    if (!authorised(req)) return send(res, 403, 'application/json', JSON.stringify({ ok: false, error: { kind: 'internal', message: 'errors.forbidden' } }));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      let input: unknown;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { kind: 'internal', message: 'errors.bad_request' } }));
      }
      const job = jobId.safeParse(req.headers[JOB_HEADER]);
      const result = await opts.services.dispatch(decodeURIComponent(name), input, { jobId: job.success ? job.data : undefined });
      send(res, 200, 'application/json', JSON.stringify(result));
    });
  }

  /** An attached file, for the renderer to save; the same token guards it as every call. */
  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, rest: string) {
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    if (!authorised(req)) return send(res, 403, 'text/plain', 'Forbidden');
    const linkId = Number(rest);
    if (!Number.isSafeInteger(linkId) || linkId <= 0) return send(res, 404, 'text/plain', 'Not found');
    const { opened } = opts.services;
    const found = await attachmentForDownload({ db: opened.db, opened }, linkId);
    if (!found.file) return send(res, found.reason === 'missing' ? 410 : 404, 'text/plain', found.reason ?? 'not_found');
    fs.readFile(found.file, (err, body) => {
      if (err) return send(res, 410, 'text/plain', 'missing');
      send(res, 200, found.link.mimeType || 'application/octet-stream', body, {
        // RFC 6266/5987: an ASCII fallback plus the real (maybe Chinese) name.
        'content-disposition': `attachment; filename="${found.link.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(found.link.fileName)}`,
      });
    });
  }

  function serveFile(res: http.ServerResponse, url: string) {
    const file = resolveInside(opts.rendererDir, url);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    fs.readFile(file, (err, body) => {
      if (err) return send(res, 404, 'text/plain', 'Not found');
      send(res, 200, mimeType(file), body);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
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

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
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

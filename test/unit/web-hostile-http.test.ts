// Malformed and hostile HTTP against the loopback server: each case gets a 4xx
// answer, the server keeps answering, and nothing reaches the database.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http.ts';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/core/web/server.ts';
import { MAX_BODY } from '../../electron/core/web/guard.ts';
import type { Services } from '../../electron/core/services.ts';
import { partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(services?: Services) {
  const svc = services ?? (await openTestServices());
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const logged: unknown[] = [];
  server = await startWebServer({ services: svc, rendererDir, log: (e) => logged.push(e) });
  return { server, services: svc, port: server.port, logged };
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One raw request with exactly the headers given (fetch would add or fix some). */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers ?? {}, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error),
    );
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (port: number, token: string, extra: Record<string, string> = {}) => ({
  host: `127.0.0.1:${port}`,
  'content-type': 'application/json',
  [TOKEN_HEADER]: token,
  ...extra,
});

async function stillAnswers(port: number, token: string) {
  const res = await request(port, { path: '/api/app.info', headers: api(port, token), body: '{}' });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body).ok).toBe(true);
}

describe('hostile HTTP against the web server', () => {
  it('answers a call name with a bad percent-escape with 404, and keeps running (was: the process exited)', async () => {
    const { port, server } = await start();
    for (const name of ['%E0%A4%A', '%', '%zz', 'agreements.list%00', '..%2f..%2fetc', 'a'.repeat(500)]) {
      const res = await request(port, { path: `/api/${name}`, headers: api(port, server.token), body: '{}' });
      expect(res.status, name).toBe(404);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { kind: 'internal', message: 'errors.unknown_call' } });
    }
    await stillAnswers(port, server.token);
  });

  it('answers a static path with a bad escape with 404', async () => {
    const { port, server } = await start();
    const res = await request(port, { method: 'GET', path: '/%E0%A4%A', headers: { host: `127.0.0.1:${port}` } });
    expect(res.status).toBe(404);
    await stillAnswers(port, server.token);
  });

  it('refuses a body over the limit with 413, whether declared or streamed', async () => {
    const { port, server, services } = await start();
    const before = tableCounts(services);
    const declared = await request(port, {
      path: '/api/localities.create',
      headers: { ...api(port, server.token), 'content-length': MAX_BODY + 1 },
      body: Buffer.alloc(64 * 1024, 0x20),
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/^errors\.too_large\|/);
    // Chunked, no length given: counted as it arrives.
    const streamed = await request(port, {
      path: '/api/localities.create',
      headers: { ...api(port, server.token), 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(MAX_BODY + 1024 * 1024, 0x20),
    });
    expect(streamed.status).toBe(413);
    expect(tableCounts(services)).toEqual(before);
    await stillAnswers(port, server.token);
  });

  it('takes only application/json bodies', async () => {
    const { port, server } = await start();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', '']) {
      const headers: Record<string, string> = { ...api(port, server.token), 'content-type': type };
      if (!type) delete headers['content-type'];
      const res = await request(port, { path: '/api/app.info', headers, body: '{}' });
      expect(res.status, type || '(none)').toBe(415);
    }
    const charset = await request(port, {
      path: '/api/app.info',
      headers: api(port, server.token, { 'content-type': 'application/json; charset=utf-8' }),
      body: '{}',
    });
    expect(charset.status).toBe(200);
  });

  it('refuses another Origin or Host, and a missing or wrong token', async () => {
    const { port, server, services } = await start();
    const before = tableCounts(services);
    const body = JSON.stringify({ name: 'Suzhou', country: 'CN', level: 'city' });
    const foreign = ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `https://127.0.0.1:${port}`];
    for (const origin of foreign) {
      const res = await request(port, { path: '/api/localities.create', headers: api(port, server.token, { origin }), body });
      expect(res.status, origin).toBe(403);
    }
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '']) {
      const res = await request(port, { path: '/api/localities.create', headers: { ...api(port, server.token), host }, body });
      expect(res.status, host).toBe(421);
    }
    const missing: Record<string, string> = api(port, server.token);
    delete missing[TOKEN_HEADER];
    for (const headers of [missing, api(port, 'wrong'), api(port, `${server.token}x`), api(port, server.token.slice(1))]) {
      const res = await request(port, { path: '/api/localities.create', headers, body });
      expect(res.status).toBe(403);
    }
    const download = await request(port, {
      method: 'GET',
      path: '/attachments/1',
      headers: { host: `127.0.0.1:${port}`, origin: 'http://evil.example', [TOKEN_HEADER]: server.token },
    });
    expect(download.status).toBe(403);
    expect(tableCounts(services)).toEqual(before);
    const own = await request(port, { path: '/api/localities.create', headers: api(port, server.token, { origin: `http://127.0.0.1:${port}` }), body });
    expect(JSON.parse(own.body).ok).toBe(true);
  });

  it('answers broken JSON, wrong methods and unparsable HTTP with 4xx', async () => {
    const { port, server } = await start();
    for (const body of ['{', 'null x', '\u0000', '{"a":'.repeat(10_000)]) {
      const res = await request(port, { path: '/api/app.info', headers: api(port, server.token), body });
      expect(res.status).toBe(400);
    }
    expect((await request(port, { method: 'GET', path: '/api/app.info', headers: api(port, server.token) })).status).toBe(405);
    expect((await request(port, { method: 'PUT', path: '/', headers: { host: `127.0.0.1:${port}` } })).status).toBe(405);
    expect(await rawRequest(port, 'GARBAGE / HTTP/1.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(port, `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}`)).toMatch(
      /^HTTP\/1\.1 400/,
    );
    expect(await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillAnswers(port, server.token);
  });

  it('serves an attachment whose stored type has a non-Latin-1 character (was: the server died on every download)', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    const link = await ok(services, 'attachments.add', {
      entity: 'agreement',
      entityId: agreement.id,
      fileName: '会议纪要.pdf',
      contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
    });
    // As an older version stored whatever the browser said.
    services.opened.sqlite.prepare('UPDATE attachments SET mime_type = ?').run('text/html; charset=\u4e2d\u6587');
    const { port, server } = await start(services);
    for (let i = 0; i < 3; i++) {
      const res = await request(port, {
        method: 'GET',
        path: `/attachments/${link.linkId}`,
        headers: { host: `127.0.0.1:${port}`, [TOKEN_HEADER]: server.token },
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('会议纪要.pdf')}`);
    }
  });

  it('turns whatever a call throws into a 500 answer and goes on serving', async () => {
    const real = await openTestServices();
    let calls = 0;
    const flaky: Services = Object.assign(Object.create(real) as Services, {
      dispatch: async (name: string, input: unknown) => {
        if (calls++ === 0) throw new Error('boom');
        return real.dispatch(name, input);
      },
    });
    const { port, server, logged } = await start(flaky);
    const res = await request(port, { path: '/api/app.info', headers: api(port, server.token), body: '{}' });
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body).error.message).toBe('errors.internal');
    expect(logged).toHaveLength(1);
    await stillAnswers(port, server.token);
  });
});

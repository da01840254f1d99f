// The request guard both servers use (electron/core/web/guard.ts), on a real HTTP server on
// loopback: a throwing route, malformed HTTP, the size bounds, the media type, the call name,
// the method and the Origin checks each get their answer, and the server keeps answering.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http.ts';
import {
  closeServer,
  foreignOrigin,
  guardRequests,
  JOB_HEADER,
  listen,
  MAX_BODY,
  readBody,
  readCall,
  send,
  wrongMethod,
} from '../../electron/core/web/guard.ts';

let server: http.Server | null = null;
afterEach(async () => {
  if (server) await closeServer(server);
  server = null;
});

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>;

/** A guarded server on loopback whose routes are the test's; answers its port and what it logged. */
async function start(route: Route) {
  const logged: unknown[] = [];
  server = http.createServer();
  guardRequests(server, route, (e) => logged.push(e));
  const port = await listen(server, 0, '127.0.0.1', (e) => logged.push(e));
  return { port, logged };
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request; a connection cut before a whole answer came is status 0. */
function request(port: number, opts: { method?: string; path?: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Answer> {
  const cut: Answer = { status: 0, headers: {}, body: '' };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path ?? '/', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve(cut));
    });
    // The server may answer (413) and close before the whole body is sent: the answer still comes, so
    // a cut write is only the answer when none follows.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? setTimeout(() => resolve(cut), 500) : reject(error),
    );
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A route like the servers' calls: the method, then the call read through readCall, echoed back. */
const callRoute: Route = async (req, res) => {
  if (wrongMethod(req, res, ['POST'], 'call')) return;
  const call = await readCall(req, res, (req.url ?? '/').slice(1));
  if (call) send(res, 200, 'application/json', JSON.stringify(call));
};
const json = { 'content-type': 'application/json' };

describe('the request guard both servers use', () => {
  it('turns a throwing route into a 500 and logs it; once the answer has begun, the connection goes; the server keeps answering', async () => {
    const { port, logged } = await start(async (req, res) => {
      if (req.url === '/throw') throw new Error('boom');
      if (req.url === '/half') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('part');
        throw new Error('half way');
      }
      send(res, 200, 'text/plain', 'fine');
    });
    const thrown = await request(port, { method: 'GET', path: '/throw' });
    expect(thrown.status).toBe(500);
    expect(JSON.parse(thrown.body)).toEqual({ ok: false, error: { kind: 'internal', message: 'errors.internal' } });
    expect(thrown.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(port, { method: 'GET', path: '/half' })).status).toBe(0);
    expect(logged.map((e) => (e as Error).message)).toEqual(['boom', 'half way']);
    expect((await request(port, { method: 'GET', path: '/' })).body).toBe('fine');
  });

  it('answers HTTP that Node cannot parse with a plain 400 and closes the connection', async () => {
    const { port } = await start(async (_req, res) => send(res, 200, 'text/plain', 'fine'));
    const answer = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Connection: close');
    expect((await request(port, { method: 'GET' })).body).toBe('fine');
  });

  it('reads a JSON call and its job id; refuses the wrong media type (415), a bad name (404), not JSON (400), a wrong method (405)', async () => {
    const { port } = await start(callRoute);
    const good = await request(port, { path: '/app.info', headers: { ...json, [JOB_HEADER]: 'job-0001' }, body: '{"a":1}' });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toEqual({ input: { a: 1 }, jobId: 'job-0001' });
    // An empty body is an empty input; a job id that is not one is ignored.
    expect(
      JSON.parse((await request(port, { path: '/app.info', headers: { 'content-type': 'Application/JSON; charset=utf-8', [JOB_HEADER]: '../x y' } })).body),
    ).toEqual({ input: {} });
    const refused = async (opts: Parameters<typeof request>[1]) => {
      const answer = await request(port, opts);
      return [answer.status, (JSON.parse(answer.body) as { error: { message: string } }).error.message];
    };
    expect(await refused({ path: '/app.info', headers: { 'content-type': 'text/plain' }, body: '{}' })).toEqual([415, 'errors.bad_request']);
    expect(await refused({ path: '/app.info', body: '{}' })).toEqual([415, 'errors.bad_request']);
    expect(await refused({ path: '/%E0%A4%A', headers: json, body: '{}' })).toEqual([404, 'errors.unknown_call']);
    expect(await refused({ path: `/${'a'.repeat(101)}`, headers: json, body: '{}' })).toEqual([404, 'errors.unknown_call']);
    expect(await refused({ path: '/app.info', headers: json, body: '{not json' })).toEqual([400, 'errors.bad_request']);
    expect(await refused({ method: 'GET', path: '/app.info', headers: json })).toEqual([405, 'errors.bad_request']);
  });

  it('refuses a body over the limit, declared or counted, with 413 and the limit in megabytes, and closes the connection', async () => {
    const { port } = await start(callRoute);
    const declared = await request(port, { path: '/app.info', headers: { ...json, 'content-length': MAX_BODY + 1 }, body: '{}' });
    expect(declared.status).toBe(413);
    expect(declared.headers.connection).toBe('close');
    expect((JSON.parse(declared.body) as { error: { message: string } }).error.message).toBe(`errors.too_large|{"max":${MAX_BODY / 1024 / 1024}}`);
    // Chunked, so no length is declared: the guard counts and stops reading past the limit.
    const counted = await request(port, { path: '/app.info', headers: { ...json, 'transfer-encoding': 'chunked' }, body: Buffer.alloc(MAX_BODY + 1, 0x20) });
    expect(counted.status).toBe(413);
    expect((await request(port, { path: '/app.info', headers: json, body: '{}' })).status).toBe(200);
  });

  it('reads a body up to a smaller limit and says when it was larger', async () => {
    const { port } = await start(async (req, res) => {
      const body = await readBody(req, 8);
      send(res, 200, 'text/plain', typeof body === 'string' ? body : `read ${body.length}`);
    });
    expect((await request(port, { body: '12345678' })).body).toBe('read 8');
    expect((await request(port, { headers: { 'transfer-encoding': 'chunked' }, body: '123456789' })).body).toBe('too_large');
  });

  it('answers 405 in text for pages and files, and lets the methods named through', async () => {
    const { port } = await start(async (req, res) => {
      if (wrongMethod(req, res, ['GET', 'HEAD'], 'text')) return;
      send(res, 200, 'text/plain', 'page');
    });
    expect((await request(port, { method: 'GET' })).body).toBe('page');
    expect((await request(port, { method: 'HEAD' })).status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await request(port, { method });
      expect([answer.status, answer.headers['content-type'], answer.body], method).toEqual([405, 'text/plain', 'Method not allowed']);
    }
  });

  it('tells our own Origin (or none, as programs send) from another site’s, by scheme and host', async () => {
    const { port } = await start(async (req, res) => {
      const host = req.headers.host ?? '';
      send(res, 200, 'application/json', JSON.stringify({ http: foreignOrigin(req, 'http', host), https: foreignOrigin(req, 'https', host) }));
    });
    const ask = async (origin?: string): Promise<unknown> => JSON.parse((await request(port, { method: 'GET', headers: origin ? { origin } : {} })).body);
    expect(await ask()).toEqual({ http: false, https: false });
    expect(await ask(`http://127.0.0.1:${port}`)).toEqual({ http: false, https: true });
    expect(await ask(`https://127.0.0.1:${port}`)).toEqual({ http: true, https: false });
    expect(await ask('http://evil.example')).toEqual({ http: true, https: true });
    expect(await ask('null')).toEqual({ http: true, https: true });
  });

  it('refuses a port already taken, and closes even while a client holds a request open', async () => {
    const { port } = await start(() => new Promise(() => {}));
    const other = http.createServer();
    await expect(listen(other, port, '127.0.0.1', () => {})).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const held = request(port, { method: 'GET' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await closeServer(server!);
    server = null;
    expect((await held).status).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

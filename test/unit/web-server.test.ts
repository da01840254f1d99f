import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/core/web/server.ts';
import { openTestServices, tempDir } from '../support/temp-db.ts';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const services = await openTestServices();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
  server = await startWebServer({ services, rendererDir });
  return { server, base: `http://127.0.0.1:${server.port}` };
}

describe('the loopback web server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('answers contract calls only with the token', async () => {
    const { server, base } = await start();
    const call = (headers: Record<string, string>) =>
      fetch(`${base}/api/agreements.list`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await call({})).status).toBe(403);
    expect((await call({ [TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    const res = await call({ [TOKEN_HEADER]: server.token });
    expect(await res.json()).toEqual({ ok: true, value: { total: 0, rows: [] } });
  });

  it('validates input the same way as the desktop app', async () => {
    const { server, base } = await start();
    const res = await fetch(`${base}/api/localities.create`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', country: 'CN', level: 'city' }),
    });
    const body = (await res.json()) as { ok: boolean; error: { kind: string; issues: { path: string[] }[] } };
    expect(body.ok).toBe(false);
    expect(body.error.issues[0]?.path).toEqual(['name']);
  });

  it('refuses other Host headers (DNS rebinding) and files outside the renderer', async () => {
    const { base } = await start();
    const http = await import('node:http');
    const status = (pathname: string, host?: string) =>
      new Promise<number>((resolve) => {
        const url = new URL(base);
        http.get({ host: url.hostname, port: url.port, path: pathname, headers: host ? { host } : {} }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
      });
    expect(await status('/')).toBe(200);
    expect(await status('/', 'evil.example:80')).toBe(421);
    expect(await status('/../secret.txt')).toBe(404);
    expect(await status('/..%2fsecret.txt')).toBe(404);
  });

  it('sends a Content-Security-Policy with every page', async () => {
    const { base } = await start();
    const res = await fetch(base);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

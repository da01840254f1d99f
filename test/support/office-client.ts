import https from 'node:https';
import type { Result } from '../../shared/contract/result.ts';

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string; fingerprint: string };

/**
 * A plain HTTPS client for the office server in tests: it accepts the server's self-signed
 * certificate and hands back the fingerprint it saw, so a test pins it as the desktop does.
 */
export function request(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const peer = (res.socket as import('node:tls').TLSSocket).getPeerCertificate?.();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), fingerprint: peer?.fingerprint256 ?? '' });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** A signed-in user: the cookie and the session's CSRF token, as the page holds them. */
export type Signed = { cookie: string; csrf: string };

export async function signIn(port: number, login: string, password: string): Promise<Signed> {
  const reply = await request(port, '/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ login, password }),
  });
  if (reply.status !== 303) throw new Error(`sign-in of ${login} answered ${reply.status}: ${reply.body.slice(0, 200)}`);
  const cookie = String(reply.headers['set-cookie']).split(';')[0]!;
  const session = await request(port, '/session', { headers: { cookie } });
  return { cookie, csrf: (JSON.parse(session.body) as { csrf: string }).csrf };
}

export async function callAs(
  port: number,
  who: Signed | null,
  name: string,
  input: unknown,
  extra: Record<string, string> = {},
): Promise<{ status: number; result: Result<unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(who ? { cookie: who.cookie, 'x-twinning-csrf': who.csrf } : {}), ...extra };
  const reply = await request(port, `/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return { status: reply.status, result: JSON.parse(reply.body) as Result<unknown> };
}

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { checkPin, probeFingerprint, serverOrigin } from '../../electron/core/office/pin.ts';
import { startOfficeServer } from '../../electron/core/office/server.ts';
import { certificateFiles, serverCertificate } from '../../electron/core/office/tls.ts';
import { accounts, PASSWORD } from '../support/actors.ts';
import { openTestServices, tempDir } from '../support/temp-db.ts';
import { request, signIn } from '../support/office-client.ts';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

async function office() {
  const services = await openTestServices();
  await accounts(services);
  const tls = await serverCertificate(services.file, {});
  const server = await startOfficeServer({ services, rendererDir, host: '127.0.0.1', port: 0, tls, log: () => {} });
  return { services, tls, server, origin: `https://127.0.0.1:${server.port}` };
}

describe('the desktop connecting to the office server', () => {
  it('takes an address as an https origin and nothing else', () => {
    expect(serverOrigin('192.168.1.20:8443')).toBe('https://192.168.1.20:8443');
    expect(serverOrigin(' https://oficina.local:8443/ ')).toBe('https://oficina.local:8443');
    expect(serverOrigin('http://192.168.1.20:8443')).toBeNull();
    expect(serverOrigin('https://ana:clave@oficina.local')).toBeNull();
    expect(serverOrigin('https://oficina.local/otra/ruta')).toBeNull();
    expect(serverOrigin('file:///etc/passwd')).toBeNull();
  });

  it('pins the fingerprint the user compared, and refuses any other certificate at that address afterwards', async () => {
    const o = await office();
    try {
      expect(await probeFingerprint(o.origin)).toBe(o.tls.fingerprint);
      const asked: [string, string][] = [];
      const host = { saveFile: async () => null, connectServer: (origin: string, fingerprint: string) => void asked.push([origin, fingerprint]) };
      const { createServices } = await import('../../electron/core/services.ts');
      const desktop = await createServices(`${tempDir()}/desktop.sqlite`, { host });
      try {
        const probed = await desktop.call('desktop.probeServer', { address: `127.0.0.1:${o.server.port}` });
        expect(probed).toEqual({ ok: true, value: { origin: o.origin, fingerprint: o.tls.fingerprint } });
        // A fingerprint other than the one the server shows (the user compared with something else): refused, nothing pinned.
        const other = o.tls.fingerprint.replace(/^../, o.tls.fingerprint.startsWith('00') ? '11' : '00');
        const refused = await desktop.call('desktop.connectServer', { address: o.origin, fingerprint: other });
        expect(refused).toMatchObject({
          ok: false,
          error: { kind: 'validation', issues: [{ path: ['fingerprint'], message: expect.stringMatching(/^desktopServer\.errors\.changed\|/) }] },
        });
        expect(asked).toEqual([]);
        expect(await desktop.call('desktop.connectServer', { address: o.origin, fingerprint: o.tls.fingerprint })).toMatchObject({ ok: true });
        expect(asked).toEqual([[o.origin, o.tls.fingerprint]]);
        // Nothing answers there: said as such, on the address field.
        const nobody = await desktop.call('desktop.probeServer', { address: 'https://127.0.0.1:9' });
        expect(nobody).toMatchObject({
          ok: false,
          error: { issues: [{ path: ['address'], message: expect.stringMatching(/^desktopServer\.errors\.unreachable/) }] },
        });
      } finally {
        await desktop.close();
      }
      // The server gets a new certificate: the pinned fingerprint no longer fits, and the shell's rule refuses it.
      await o.server.close();
      const files = certificateFiles(o.services.file);
      fs.rmSync(files.certFile);
      fs.rmSync(files.keyFile);
      const renewed = await serverCertificate(o.services.file, {});
      expect(renewed.fingerprint).not.toBe(o.tls.fingerprint);
      const again = await startOfficeServer({ services: o.services, rendererDir, host: '127.0.0.1', port: 0, tls: renewed, log: () => {} });
      try {
        const seen = await probeFingerprint(`https://127.0.0.1:${again.port}`);
        expect(checkPin(o.tls.fingerprint, seen)).toEqual({ ok: false, reason: 'changed', seen, pinned: o.tls.fingerprint });
        expect(checkPin(o.tls.fingerprint, o.tls.fingerprint.toLowerCase())).toEqual({ ok: true });
      } finally {
        await again.close();
      }
    } finally {
      await o.server.close();
    }
  });

  it('connects only from the desktop: the web and the office server refuse to probe addresses for a page', async () => {
    const o = await office();
    try {
      expect(await o.services.call('desktop.probeServer', { address: o.origin })).toMatchObject({
        ok: false,
        error: { issues: [{ message: 'desktopServer.errors.desktopOnly' }] },
      });
    } finally {
      await o.server.close();
    }
  });

  it('gives an admin a consistent copy of the server’s file, and no one else', async () => {
    const o = await office();
    try {
      const ana = await signIn(o.server.port, 'ana', PASSWORD);
      const wang = await signIn(o.server.port, 'wang', PASSWORD);
      const refused = await request(o.server.port, '/backup', { headers: { cookie: wang.cookie, 'x-twinning-csrf': wang.csrf } });
      expect(refused.status).toBe(403);
      const audited = o.services.opened.sqlite
        .prepare("SELECT after_json FROM audit_log WHERE entity = 'access' AND action = 'refuse' ORDER BY id DESC LIMIT 1")
        .pluck()
        .get() as string;
      expect(JSON.parse(audited)).toMatchObject({ reason: 'role', call: 'backups.download' });
      expect((await request(o.server.port, '/backup', { headers: { cookie: ana.cookie } })).status).toBe(403);
      const copy = await new Promise<Buffer>((resolve, reject) => {
        import('node:https').then(({ default: https }) => {
          https
            .get(
              {
                host: '127.0.0.1',
                port: o.server.port,
                path: '/backup',
                headers: { host: `127.0.0.1:${o.server.port}`, cookie: ana.cookie, 'x-twinning-csrf': ana.csrf },
                rejectUnauthorized: false,
              },
              (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => resolve(Buffer.concat(chunks)));
              },
            )
            .on('error', reject);
        }, reject);
      });
      expect(copy.subarray(0, 15).toString()).toBe('SQLite format 3');
      const file = `${tempDir()}/copy.sqlite`;
      fs.writeFileSync(file, copy);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(3);
      db.close();
    } finally {
      await o.server.close();
    }
  });
});

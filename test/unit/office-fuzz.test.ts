// The contract fuzzer's inputs, through the office server, from the wrong people: a reader
// making each call above its role, a signed-in user with a forged CSRF token, a caller with no
// session, a page of another site. Every one is refused with its reason, every refusal is in
// the audit log, and nothing else in the file changes.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { contract, type CallName } from '../../shared/contract/index.ts';
import { startOfficeServer } from '../../electron/core/office/server.ts';
import { serverCertificate } from '../../electron/core/office/tls.ts';
import { inputFor } from '../support/schema-arbitrary.ts';
import { accounts, PASSWORD } from '../support/actors.ts';
import { ok, openTestServices } from '../support/temp-db.ts';
import { callAs, signIn } from '../support/office-client.ts';

const seed = Number(process.env.FUZZ_SEED ?? 14);
const RUNS = 3;

/** Every table but the audit log (where the refusals go), hashed. */
function dataHash(sqlite: Database.Database) {
  const hash = createHash('sha256');
  for (const table of sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
    .pluck()
    .all() as string[]) {
    hash.update(table);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1`).raw(true).iterate() as Iterable<unknown[]>)
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return hash.digest('hex');
}

describe('the office server under fuzzing, from people who may not', () => {
  it(
    `refuses every write of a reader, every forged token, no session and another site, audited, changing nothing (seed ${seed})`,
    { timeout: 240_000 },
    async () => {
      const services = await openTestServices();
      await ok(services, 'sample.load', {});
      await accounts(services);
      const tls = await serverCertificate(services.file, {});
      const server = await startOfficeServer({
        services,
        rendererDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
        host: '127.0.0.1',
        port: 0,
        tls,
        log: () => {},
      });
      try {
        const reader = await signIn(server.port, 'lucia', PASSWORD);
        const editor = await signIn(server.port, 'wang', PASSWORD);
        const sqlite = services.opened.sqlite;
        const refusals = () => sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'access' AND action = 'refuse'").pluck().get() as number;
        const before = dataHash(sqlite);
        const writes = (Object.keys(contract) as CallName[]).filter((n) => contract[n].role !== 'reader');
        let cases = 0;
        for (const name of writes) {
          await fc.assert(
            fc.asyncProperty(inputFor(contract[name].input), async (input) => {
              const audited = refusals();
              const asReader = await callAs(server.port, reader, name, input);
              expect(asReader.result, name).toMatchObject({ ok: false, error: { kind: 'forbidden', message: `access.errors.needs_${contract[name].role}` } });
              const forged = await callAs(server.port, { cookie: editor.cookie, csrf: reader.csrf }, name, input);
              expect([forged.status, forged.result], name).toMatchObject([403, { ok: false, error: { message: 'session.errors.csrf' } }]);
              const anonymous = await callAs(server.port, null, name, input);
              expect(anonymous.status, name).toBe(401);
              const foreign = await callAs(server.port, editor, name, input, { origin: 'https://evil.example' });
              expect(foreign.status, name).toBe(403);
              expect(refusals(), name).toBe(audited + 4);
              cases++;
            }),
            { seed, numRuns: RUNS },
          );
        }
        expect(cases).toBe(writes.length * RUNS);
        expect(dataHash(sqlite)).toBe(before);
      } finally {
        await server.close();
      }
    },
  );
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/run.ts';
import { createServices } from '../../electron/core/services.ts';
import { partnerWithAgreement } from '../support/factories.ts';
import { parseIcs } from '../support/ics.ts';
import { ok, tempDir } from '../support/temp-db.ts';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: { TWINNING_LANG: 'en' } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('calendar on the command line', () => {
  it('exports a range as .ics, the same as the screen, and replaces the file on a second run', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    const services = await createServices(db);
    const { agreement } = await partnerWithAgreement(services, {}, { signedOn: '2018-07-01' });
    const forum = await ok(services, 'officeEvents.create', { title: 'Foro; China, CELAC', allDay: true, start: '2026-07-02', end: '2026-07-03' });
    await services.close();

    const out = path.join(dir, 'calendario 2026.ics');
    const first = await cli(['calendar', '--db', db, '--from', '2026-01-01', '--to', '2026-12-31', '--out', out]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe(`Wrote 2 events to ${out}.`);
    const parsed = parseIcs(fs.readFileSync(out, 'utf8'));
    expect(parsed.events.map((e) => e.uid).sort()).toEqual([`anniversary-${agreement.id}-2026@twinning-desk`, `office_event-${forum.id}@twinning-desk`]);
    expect(parsed.events.find((e) => e.uid.startsWith('office_event'))).toMatchObject({
      summary: 'Foro; China, CELAC',
      start: '2026-07-02',
      end: '2026-07-04',
    });

    const only = await cli(['calendar', '--db', db, '--from', '2026-01-01', '--to', '2026-12-31', '--out', out, '--kinds', 'office_event']);
    expect(only.code).toBe(0);
    expect(parseIcs(fs.readFileSync(out, 'utf8')).events).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses bad input in one translated line and writes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    await (await createServices(db)).close();
    const out = path.join(dir, 'x.ics');
    const backwards = await cli(['calendar', '--db', db, '--from', '2026-12-31', '--to', '2026-01-01', '--out', out]);
    expect(backwards.code).not.toBe(0);
    expect(backwards.err).toBe('Error: to: The end date cannot be before the start date.');
    const badKind = await cli(['calendar', '--db', db, '--from', '2026-01-01', '--to', '2026-01-31', '--out', out, '--kinds', 'visit,birthday']);
    expect(badKind.err).toContain('Unknown kind “birthday”');
    const missing = await cli(['calendar', '--db', path.join(dir, 'nope.sqlite'), '--from', '2026-01-01', '--to', '2026-01-31', '--out', out]);
    expect(missing.code).not.toBe(0);
    expect(fs.existsSync(path.join(dir, 'nope.sqlite'))).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });
});

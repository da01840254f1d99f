import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../electron/core/services.ts';
import type { CallInput } from '../../shared/contract/index.ts';
import { generateAgreements, generateContacts } from './generate.ts';
import { measure, ms } from './stats.ts';

// Issue 16: a picker answers in < 50 ms over 20,000 contacts, through the contract as the screens call it.

const PICKS: CallInput<'search.pick'>[] = [
  { kind: 'contact', query: '' },
  { kind: 'contact', query: 'w' },
  { kind: 'contact', query: 'wang' },
  { kind: 'contact', query: 'wang wei' },
  { kind: 'contact', query: '王伟' },
  { kind: 'contact', query: 'xiamen' },
  { kind: 'contact', query: 'zzzz' },
  { kind: 'contact', query: 'chen', offset: 200 },
  { kind: 'locality', query: 'zhou' },
  { kind: 'agreement', query: 'shan' },
];

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-'));
  try {
    const services = await createServices(path.join(dir, 'office.sqlite'));
    generateAgreements(services.opened.sqlite, 2000, 5000);
    generateContacts(services.opened.sqlite, 20_000);
    services.opened.sqlite.exec('ANALYZE');
    console.log('  data: 20,000 contacts, 2,000 localities, 5,000 agreements; a page of 20 (+ the count when there are more)');
    // Shared machines: the load says how far p99 is the query's and how far the neighbours'.
    console.log(
      `  load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
    const line = (label: string, t: { p50: number; p99: number }) => console.log(`  ${label.padEnd(44)} p50 ${ms(t.p50)}  p99 ${ms(t.p99)}`);
    for (const input of PICKS) {
      const t = await measure(
        async () => {
          const r = await services.call('search.pick', input);
          if (!r.ok) throw new Error(JSON.stringify(r.error));
        },
        200,
        10,
      );
      line(`search.pick ${input.kind} "${input.query}"${input.offset ? ` offset ${input.offset}` : ''}`, t);
    }
    for (const query of ['xiamen', 'a', 'wang wei', '王伟']) {
      const t = await measure(
        async () => {
          const r = await services.call('search.global', { query });
          if (!r.ok) throw new Error(JSON.stringify(r.error));
        },
        100,
        5,
      );
      line(`search.global "${query}" (6 kinds × 5)`, t);
    }
    await services.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { addDays, localIsoDate } from '../../shared/dates.ts';
import { createServices } from '../../electron/core/services.ts';
import { withRendererPage } from './browser.ts';
import { generateAgreements, rng } from './generate.ts';
import { measure, ms, report } from './stats.ts';

const ENTRIES = 2000;

/**
 * Fills the current month with 2,000 entries: anniversaries of agreements
 * signed in this month of earlier years, plus the office's own events (one-
 * and multi-day, and timed), linked to those agreements.
 */
function fillMonth(sqlite: BetterSqlite3.Database, monthStart: string, days: number) {
  const r = rng(11);
  const agreements = 600;
  generateAgreements(sqlite, 300, agreements);
  const ids = (sqlite.prepare('SELECT id FROM agreements ORDER BY id').all() as { id: number }[]).map((a) => a.id);
  const month = monthStart.slice(5, 7);
  const setSigned = sqlite.prepare(
    "UPDATE agreements SET signed_on = ?, letter_of_intent_on = NULL, stage = 'active', ended_on = NULL, renewal_on = NULL, expires_on = NULL WHERE id = ?",
  );
  const insert = sqlite.prepare(`INSERT INTO office_events (title, all_day, starts_at, ends_at, place, notes, agreement_id, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const now = new Date().toISOString();
  sqlite.transaction(() => {
    for (const id of ids) {
      const day = String(1 + Math.floor(r() * Math.min(days, 28))).padStart(2, '0');
      setSigned.run(`${2000 + Math.floor(r() * 25)}-${month}-${day}`, id);
    }
    for (let i = 0; i < ENTRIES - agreements; i++) {
      const start = addDays(monthStart, Math.floor(r() * days));
      const kind = r();
      const agreementId = r() < 0.7 ? ids[Math.floor(r() * ids.length)]! : null;
      if (kind < 0.6) insert.run(`Reunión ${i} · 会议`, 1, start, start, 'Lima', null, agreementId, now, now);
      else if (kind < 0.8)
        insert.run(`Feria ${i}`, 1, start, addDays(start, 1 + Math.floor(r() * 3)), 'Shanghai, 上海市', 'Stand; folletos, video', agreementId, now, now);
      else {
        const hour = String(8 + Math.floor(r() * 9)).padStart(2, '0');
        insert.run(`Llamada ${i}`, 0, `${start}T${hour}:00`, `${start}T${hour}:45`, null, null, agreementId, now, now);
      }
    }
  })();
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-'));
  try {
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    const today = new Date();
    const monthStart = localIsoDate(new Date(today.getFullYear(), today.getMonth(), 1));
    const monthEnd = localIsoDate(new Date(today.getFullYear(), today.getMonth() + 1, 0));
    const days = Number(monthEnd.slice(8));
    fillMonth(services.opened.sqlite, monthStart, days);
    const month = { from: monthStart, to: monthEnd };
    const check = await services.call('calendar.entries', month);
    console.log(`  ${monthStart}..${monthEnd}: ${check.ok ? check.value.length : 'error'} entries (anniversaries + own events)`);

    report(`calendar.entries, the month (${ENTRIES})`, await measure(() => services.dispatch('calendar.entries', month), 100));
    // The month view asks for the six weeks it shows, not only the month.
    const grid = { from: addDays(monthStart, -7), to: addDays(monthEnd, 7) };
    report('calendar.entries, the 6-week month grid', await measure(() => services.dispatch('calendar.entries', grid), 100));
    report('calendar.entries, one kind (own events)', await measure(() => services.dispatch('calendar.entries', { ...month, kinds: ['office_event'] }), 100));
    report('calendar.exportIcs, the month', await measure(() => services.dispatch('calendar.exportIcs', month), 30, 3));

    await withRendererPage(services, { width: 1400, height: 900 }, async (page, url) => {
      await page.goto(url);
      const samples: number[] = [];
      let drawn = 0;
      for (let i = 0; i < 7; i++) {
        await page.getByRole('link', { name: 'Configuración' }).click();
        await page.getByRole('heading', { name: 'Configuración' }).waitFor();
        // From the click on "Calendario" until the month grid shows its entries and "+N más" links.
        const result = await page.evaluate(async () => {
          const start = performance.now();
          (document.querySelector('a[href="#/calendar"]') as HTMLAnchorElement).click();
          return new Promise<{ ms: number; entries: number }>((resolve) => {
            const check = () => {
              const frame = document.querySelector<HTMLElement>('.calendar-frame');
              const entries = document.querySelectorAll('.calendar-frame .entry').length;
              if (frame?.dataset.loading === 'false' && entries > 30) resolve({ ms: performance.now() - start, entries });
              else requestAnimationFrame(check);
            };
            check();
          });
        });
        samples.push(result.ms);
        drawn = result.entries;
      }
      samples.sort((a, b) => a - b);
      console.log(
        `  month view with ${ENTRIES} entries in Chromium        p50 ${ms(samples[3]!)}  max ${ms(samples[6]!)}  (${drawn} drawn, the rest behind "+N más")`,
      );
    });
    await services.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// SIGKILL the web server while it writes, again and again: every call it answered
// ok must still be there after the restart, and the file must stay intact.
// SOAK_KILLS (default 60), SOAK_SEED.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { post, startWebProcess } from '../support/contract-fuzz.ts';

export async function run() {
  const kills = Number(process.env.SOAK_KILLS ?? 60);
  let seed = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const first = await startWebProcess();
  const file = first.file;
  await first.stop();
  const acknowledged: string[] = [];
  let sent = 0;
  let integrityFailures = 0;
  for (let round = 0; round < kills; round++) {
    const web = await startWebProcess(file);
    let stop = false;
    // Four writers at once, each waiting for its answer before the next call.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const name = `Soak ${round}-${w}-${i} 杭州`;
        sent++;
        try {
          const res = await post(web.port, web.token, 'localities.create', JSON.stringify({ name, country: 'CN', level: 'city' }));
          if (res.status === 200 && (JSON.parse(res.text) as { ok: boolean }).ok) acknowledged.push(name);
        } catch {
          return; // the connection died with the process
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 100 + random() * 600));
    web.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await new Promise((resolve) => (web.exited() ? resolve(null) : web.child.once('exit', resolve)));
    const db = new Database(file);
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') integrityFailures++;
    db.close();
  }
  const db = new Database(file, { readonly: true });
  const stored = new Set(db.prepare("SELECT name FROM localities WHERE name LIKE 'Soak %'").pluck().all() as string[]);
  db.close();
  const lost = acknowledged.filter((n) => !stored.has(n));
  console.log(
    `${kills} SIGKILLs during writes: ${sent} calls sent, ${acknowledged.length} acknowledged, ${lost.length} lost, ${integrityFailures} integrity failures`,
  );
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (lost.length || integrityFailures)
    throw new Error(`lost ${lost.length} acknowledged writes (${lost.slice(0, 3).join(', ')}), ${integrityFailures} integrity failures`);
}

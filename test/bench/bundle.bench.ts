// The renderer's initial script: what the window must fetch, parse and run before the first screen
// shows (the entry and the chunks index.html preloads). Screens opened now and then (reports,
// import, calendar, map) load on demand and are not counted. Aim (issue 16): under 250 KB gzipped.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(import.meta.dirname, '../../out/renderer');

/** The scripts index.html loads at once: its module entry and every modulepreload. */
export function initialScripts(html: string): string[] {
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)];
  return tags.map((m) => (m[1] ?? m[2])!);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function run() {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  let raw = 0;
  let gzipped = 0;
  for (const src of initialScripts(html)) {
    const bytes = fs.readFileSync(path.join(dir, src));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzipped += gz;
    console.log(`  ${path.basename(src).padEnd(40)} ${kb(bytes.length).padStart(10)} raw ${kb(gz).padStart(10)} gzipped`);
  }
  const lazy = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js') && !html.includes(f));
  const lazyRaw = lazy.reduce((sum, f) => sum + fs.statSync(path.join(dir, 'assets', f)).size, 0);
  console.log(`initial script: ${kb(raw)} raw, ${kb(gzipped)} gzipped (aim < 250 KB gzipped); on demand: ${lazy.length} chunks, ${kb(lazyRaw)} raw`);
}

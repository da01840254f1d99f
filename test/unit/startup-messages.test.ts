// What the CLI and `npm run web` say when the file or the machine is not as
// expected: one translated line and a non-zero exit, never a stack trace or
// a misleading diagnosis. Real processes against real files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../support/cli.ts';
import { readOnlyFolder } from '../support/small-fs.ts';
import { tempDir } from '../support/temp-db.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** `npm run web`'s entry; resolves when it exits (it should, with an error) or after 20 s. */
function runWeb(args: string[], lang = 'en'): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'electron/core/web/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, TWINNING_LANG: lang },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** One line on stderr, no stack frames, the given exit code. */
function oneLine(run: CliRun, code: number, text: RegExp) {
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(lines[0]).toMatch(text);
  expect(run.code).toBe(code);
}

async function damagedFile() {
  const file = path.join(tempDir(), 'office.sqlite');
  expect((await runCliProcess(['demo', '--db', file])).code).toBe(0);
  // Bytes overwritten in the middle of the file: pages of its tables.
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
  fs.closeSync(fd);
  return file;
}

describe('start-up and command-line messages that used to mislead', { timeout: 120_000 }, () => {
  it('a read-only folder is said to be read-only, not "damaged or not a database"', async () => {
    let file = '';
    const dir = await readOnlyFolder(async (d) => {
      file = path.join(d, 'office.sqlite');
      expect((await runCliProcess(['demo', '--db', file])).code).toBe(0);
    });
    const before = fs.readFileSync(file);
    for (const args of [
      ['init', '--db', file],
      ['export', '--db', file, '--format', 'json', '--out', path.join(tempDir(), 'e.json')],
      ['check', '--db', file],
    ]) {
      oneLine(await runCliProcess(args), 1, /read-only/);
    }
    oneLine(await runCliProcess(['init', '--db', file], { TWINNING_LANG: 'es' }), 1, /solo lectura/);
    oneLine(await runWeb(['--db', file]), 1, /read-only/);
    oneLine(await runWeb(['--db', file], 'pt'), 1, /somente leitura/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['office.sqlite']);
  });

  it('init on a damaged file says it is damaged and exits 1 (was: "ready", exit 0)', async () => {
    const file = await damagedFile();
    const before = fs.readFileSync(file);
    oneLine(await runCliProcess(['init', '--db', file]), 1, /damaged/);
    oneLine(await runCliProcess(['init', '--db', file], { TWINNING_LANG: 'pt' }), 1, /danificado/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('import on a damaged file says so in one line (was: a stack trace)', async () => {
    const file = await damagedFile();
    const csv = path.join(tempDir(), 'localidades.csv');
    fs.writeFileSync(csv, 'name,country\nHangzhou,CN\n');
    oneLine(await runCliProcess(['import', '--db', file, '--in', csv, '--entity', 'localities']), 1, /damaged/);
    const json = path.join(tempDir(), 'export.json');
    fs.writeFileSync(json, '{"format":"twinning-desk-export","formatVersion":1,"schemaVersion":1,"tables":{}}');
    oneLine(await runCliProcess(['import', '--db', file, '--in', json], { TWINNING_LANG: 'es' }), 1, /dañado/);
  });

  it('a missing folder is named (was: "unexpected error"), and nothing is created', async () => {
    const missing = path.join(tempDir(), 'no-such-folder');
    const file = path.join(missing, 'office.sqlite');
    oneLine(await runCliProcess(['init', '--db', file]), 1, new RegExp(`folder ${missing.replace(/[/\\]/g, '.')} does not exist`));
    oneLine(await runCliProcess(['demo', '--db', file], { TWINNING_LANG: 'es' }), 1, /La carpeta .* no existe/);
    oneLine(await runWeb(['--db', file]), 1, /does not exist/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('`npm run web` on a busy port says so in one line (was: a stack trace)', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const file = path.join(tempDir(), 'office.sqlite');
      oneLine(await runWeb(['--db', file, '--port', String(port)]), 1, new RegExp(`Port ${port} is already in use`));
      oneLine(await runWeb(['--db', file, '--port', String(port)], 'es'), 1, new RegExp(`El puerto ${port} ya está en uso`));
    } finally {
      busy.close();
    }
  });
});

// Opening an attachment can never run it (issue 14, item 3): only documents and
// images reach the system viewer, names cannot disguise their type, and the
// copies handed to the viewer live in a private folder that follows no links.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentMimeType, cleanFileName, openDecision } from '../../electron/core/rules/attachment-types.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { migrations } from '../../migrations/index.ts';
import { partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices, tempDir } from '../support/temp-db.ts';

const RLO = '\u202e';

describe('the rule: which attachments the system viewer may open', () => {
  it('opens documents and images, and only shows anything else in its folder', () => {
    for (const name of ['acta.pdf', 'Convenio.DOCX', 'cuadro.xlsx', 'foto 合影.JPG', 'nota.txt', 'plano.odt', 'scan.tiff']) {
      expect(openDecision(name), name).toEqual({ action: 'open' });
    }
    const programs = [
      'setup.exe',
      'run.bat',
      'x.cmd',
      'acceso.lnk',
      'app.hta',
      'script.js',
      'a.vbs',
      'a.ps1',
      'a.scr',
      'a.msi',
      'a.jar',
      'a.html',
      'logo.svg',
      'macro.docm',
      'a.url',
      'a.reg',
      'a.iso',
    ];
    for (const name of programs) expect(openDecision(name), name).toEqual({ action: 'reveal', extension: name.split('.').pop() });
    expect(openDecision('sin extensión')).toEqual({ action: 'reveal', extension: '' });
    expect(openDecision('constructor')).toEqual({ action: 'reveal', extension: '' });
    expect(openDecision('a.constructor')).toEqual({ action: 'reveal', extension: 'constructor' });
  });

  it('reads the extension the operating system will use, not the one the name shows', () => {
    // "Acta‮fdp.exe" draws as "Actaexe.pdf".
    expect(openDecision(`Acta${RLO}fdp.exe`)).toEqual({ action: 'reveal', extension: 'exe' });
    expect(openDecision('informe.pdf.exe')).toEqual({ action: 'reveal', extension: 'exe' });
    // Windows drops trailing dots and spaces: this runs as a.exe.
    expect(openDecision('a.exe.')).toEqual({ action: 'reveal', extension: 'exe' });
    expect(openDecision('a.exe . ')).toEqual({ action: 'reveal', extension: 'exe' });
    expect(openDecision('a.pdf.')).toEqual({ action: 'open' });
  });

  it('cleans names of bidi and control characters, keeping every script', () => {
    expect(cleanFileName(`Acta${RLO}fdp.exe`)).toBe('Actafdp.exe');
    expect(cleanFileName('a\u2066b\u2069c\u200f\u200e\u061c\ufeff.pdf')).toBe('abc.pdf');
    expect(cleanFileName('línea\u0000\u0007\u001b\u007f\u0085.pdf')).toBe('línea.pdf');
    expect(cleanFileName('会议纪要 神戸市 Ñandú 👩‍💼.pdf')).toBe('会议纪要 神戸市 Ñandú 👩‍💼.pdf');
    expect(cleanFileName('..\\..\\windows\\a.exe')).toBe('a.exe');
    expect(cleanFileName('dir/sub/a:b?.pdf')).toBe('a_b_.pdf');
    expect(cleanFileName(`${RLO}\u0000 . `)).toBe('archivo');
  });

  it('states a content type only from the allow-list', () => {
    expect(attachmentMimeType('a.pdf')).toBe('application/pdf');
    expect(attachmentMimeType('a.html')).toBe('application/octet-stream');
    expect(attachmentMimeType('a.svg')).toBe('application/octet-stream');
    expect(attachmentMimeType('a.toString')).toBe('application/octet-stream');
  });
});

async function desktop() {
  const opened: string[] = [];
  const shown: string[] = [];
  const services = await openTestServices({ openPath: async (file) => (opened.push(file), ''), showInFolder: (file) => void shown.push(file) });
  const { agreement } = await partnerWithAgreement(services);
  const add = (fileName: string, content = 'MZ\u0090 program bytes') =>
    ok(services, 'attachments.add', { entity: 'agreement', entityId: agreement.id, fileName, contentBase64: Buffer.from(content).toString('base64') });
  return { services, opened, shown, add, agreement };
}

describe('opening an attachment in the desktop app', () => {
  it('shows a program in its folder with a warning instead of running it; a document opens', async () => {
    const { services, opened, shown, add } = await desktop();
    const disguised = await add(`Acta${RLO}fdp.exe`);
    expect(disguised.fileName).toBe('Actafdp.exe');
    expect(disguised.mimeType).toBe('application/octet-stream');
    expect(await ok(services, 'attachments.open', { linkId: disguised.linkId })).toEqual({ mode: 'revealed', fileName: 'Actafdp.exe', extension: 'exe' });
    expect(opened).toEqual([]);
    expect(shown.map((f) => path.basename(f))).toEqual(['Actafdp.exe']);

    const pdf = await add('acta de entrega.pdf', '%PDF-1.4');
    expect(await ok(services, 'attachments.open', { linkId: pdf.linkId })).toEqual({ mode: 'opened' });
    expect(opened.map((f) => path.basename(f))).toEqual(['acta de entrega.pdf']);
    expect(fs.readFileSync(opened[0]!, 'utf8')).toBe('%PDF-1.4');
  });

  it('copies into a private folder made by mkdtemp, a fresh one each time, and follows no link planted at the old shared path', async () => {
    const { services, opened, add } = await desktop();
    const pdf = await add('acta.pdf', '%PDF-1.4 acta');
    // The old predictable folder, taken over by another user: a link to somewhere they want written.
    const victim = tempDir();
    const planted = path.join(os.tmpdir(), 'twinning-desk-open', String(pdf.linkId));
    fs.mkdirSync(path.dirname(planted), { recursive: true });
    fs.rmSync(planted, { recursive: true, force: true });
    fs.symlinkSync(victim, planted);
    try {
      await ok(services, 'attachments.open', { linkId: pdf.linkId });
      await ok(services, 'attachments.open', { linkId: pdf.linkId });
    } finally {
      fs.rmSync(planted, { force: true });
    }
    expect(fs.readdirSync(victim)).toEqual([]);
    const [first, second] = opened as [string, string];
    expect(first).not.toBe(second);
    expect(first).not.toContain('twinning-desk-open');
    const root = path.dirname(path.dirname(first));
    expect(path.dirname(path.dirname(second))).toBe(root);
    expect(path.dirname(root)).toBe(os.tmpdir());
    if (process.platform !== 'win32') {
      expect(fs.lstatSync(root).mode & 0o777).toBe(0o700);
      expect(fs.lstatSync(path.dirname(first)).mode & 0o777).toBe(0o700);
      expect(fs.lstatSync(first).mode & 0o777).toBe(0o600);
    }
    // The private folder swapped for a link between two opens: a new private folder is made.
    fs.rmSync(root, { recursive: true });
    fs.symlinkSync(victim, root);
    try {
      await ok(services, 'attachments.open', { linkId: pdf.linkId });
    } finally {
      fs.rmSync(root, { force: true });
    }
    expect(fs.readdirSync(victim)).toEqual([]);
    expect(path.dirname(path.dirname(opened[2]!))).not.toBe(root);
  });

  it('in npm run web hands a download (served as a download only) for any type', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    const link = await ok(services, 'attachments.add', {
      entity: 'agreement',
      entityId: agreement.id,
      fileName: 'setup.exe',
      contentBase64: Buffer.from('MZ').toString('base64'),
    });
    expect(await ok(services, 'attachments.open', { linkId: link.linkId })).toEqual({
      mode: 'download',
      url: `/attachments/${link.linkId}`,
      fileName: 'setup.exe',
    });
  });
});

describe('migration 0008: stored attachment names cleaned', () => {
  it('takes bidi and control characters and trailing dots out of names already stored', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const old = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 8) });
    old.sqlite.exec(`
      INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Zhangzhou','漳州市','CN','city','zhangzhou','t','t');
      INSERT INTO agreements (partner_id, kind, stage, signed_on, channel, search_text, created_at, updated_at) VALUES (1,'twinning','signed','2018-07-01','bilateral','','t','t');`);
    const insertFile = old.sqlite.prepare("INSERT INTO attachments (sha256, original_name, mime_type, size, created_at) VALUES (?, ?, 'x', 1, 't')");
    const insertLink = old.sqlite.prepare(
      "INSERT INTO attachment_links (attachment_id, entity, entity_id, file_name, created_at) VALUES (?, 'agreement', 1, ?, 't')",
    );
    const names = [`Acta${RLO}fdp.exe`, 'informe.exe. ', '会议纪要.pdf', `\u2066${RLO}`];
    names.forEach((name, i) => {
      insertFile.run(String(i).repeat(64), name);
      insertLink.run(i + 1, name);
    });
    await old.close();

    const upgraded = await openDatabase(file);
    const stored = (sql: string) => upgraded.sqlite.prepare(sql).pluck().all();
    const expected = ['Actafdp.exe', 'informe.exe', '会议纪要.pdf', 'archivo'];
    expect(stored('SELECT file_name FROM attachment_links ORDER BY id')).toEqual(expected);
    expect(stored('SELECT original_name FROM attachments ORDER BY id')).toEqual(expected);
    await upgraded.close();
  });
});

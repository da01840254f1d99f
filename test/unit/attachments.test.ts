import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/attachments.ts';
import { attachmentsDir, sha256 } from '../../electron/core/features/attachments/store.ts';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/core/web/server.ts';
import { commitmentFields, partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';

const scan = Buffer.from('%PDF-1.4 acta de entrega de dos automóviles y una camioneta');
const b64 = (b: Buffer) => b.toString('base64');

async function setup(options: Parameters<typeof openTestServices>[0] = {}) {
  const services = await openTestServices({ log: () => {}, ...options });
  const { agreement } = await partnerWithAgreement(services);
  const commitment = await ok(services, 'commitments.create', commitmentFields(agreement.id));
  return { services, agreement, commitment };
}

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('attachments', () => {
  it('stores the same content once, named by its hash, and deletes it only when no record uses it', async () => {
    const { services, agreement, commitment } = await setup();
    const onAgreement = await ok(services, 'attachments.add', {
      entity: 'agreement',
      entityId: agreement.id,
      fileName: 'convenio firmado 上海.pdf',
      contentBase64: b64(scan),
    });
    const onCommitment = await ok(services, 'attachments.add', {
      entity: 'commitment',
      entityId: commitment.id,
      fileName: 'acta.pdf',
      contentBase64: b64(scan),
    });
    expect(onAgreement.attachmentId).toBe(onCommitment.attachmentId);
    expect(onAgreement).toMatchObject({ fileName: 'convenio firmado 上海.pdf', size: scan.length, sha256: sha256(scan), missing: false });
    const dir = attachmentsDir(services.file);
    expect(fs.readdirSync(dir)).toEqual([sha256(scan)]);
    expect(tableCounts(services)).toMatchObject({ attachments: 1, attachment_links: 2 });

    const twice = await services.call('attachments.add', { entity: 'agreement', entityId: agreement.id, fileName: 'otra vez.pdf', contentBase64: b64(scan) });
    expect(!twice.ok && twice.error).toEqual({ kind: 'conflict', message: 'attachmentsErrors.already_attached|{"name":"convenio firmado 上海.pdf"}' });

    expect(await ok(services, 'attachments.remove', { linkId: onAgreement.linkId })).toEqual({ removed: true, fileDeleted: false });
    expect(fs.existsSync(path.join(dir, sha256(scan)))).toBe(true);
    expect(await ok(services, 'attachments.list', { entity: 'agreement', entityId: agreement.id })).toEqual([]);
    expect(await ok(services, 'attachments.remove', { linkId: onCommitment.linkId })).toEqual({ removed: true, fileDeleted: true });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(tableCounts(services)).toMatchObject({ attachments: 0, attachment_links: 0 });
    const actions = services.opened.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'attachment_link' ORDER BY id").all();
    expect(actions).toEqual([{ action: 'create' }, { action: 'create' }, { action: 'delete' }, { action: 'delete' }]);
  });

  it('reports a file missing from disk as data, and refuses to open it without crashing', async () => {
    const { services, commitment } = await setup();
    const added = await ok(services, 'attachments.add', {
      entity: 'commitment',
      entityId: commitment.id,
      fileName: 'foto.jpg',
      contentBase64: b64(Buffer.from('jpeg bytes')),
    });
    fs.rmSync(path.join(attachmentsDir(services.file), added.sha256));
    const listed = await ok(services, 'attachments.list', { entity: 'commitment', entityId: commitment.id });
    expect(listed).toMatchObject([{ fileName: 'foto.jpg', mimeType: 'image/jpeg', missing: true }]);
    const opened = await services.call('attachments.open', { linkId: added.linkId });
    expect(!opened.ok && opened.error).toEqual({ kind: 'conflict', message: 'attachmentsErrors.file_missing|{"name":"foto.jpg"}' });
    // Attaching the same content again puts the file back.
    const again = await ok(services, 'attachments.add', {
      entity: 'agreement',
      entityId: commitment.agreementId,
      fileName: 'foto.jpg',
      contentBase64: b64(Buffer.from('jpeg bytes')),
    });
    expect(again.missing).toBe(false);
    expect((await ok(services, 'attachments.list', { entity: 'commitment', entityId: commitment.id }))[0]!.missing).toBe(false);
  });

  it('opens through the shell in the desktop app and hands a download URL to the browser build', async () => {
    const opened: string[] = [];
    const { services, commitment } = await setup({ openPath: async (file) => (opened.push(file), '') });
    const added = await ok(services, 'attachments.add', { entity: 'commitment', entityId: commitment.id, fileName: '收据.pdf', contentBase64: b64(scan) });
    expect(await ok(services, 'attachments.open', { linkId: added.linkId })).toEqual({ mode: 'opened' });
    // The viewer gets a copy with the original name, so it picks the right program.
    expect(path.basename(opened[0]!)).toBe('收据.pdf');
    expect(fs.readFileSync(opened[0]!)).toEqual(scan);

    const web = await openTestServices();
    const { agreement } = await partnerWithAgreement(web);
    const link = await ok(web, 'attachments.add', { entity: 'agreement', entityId: agreement.id, fileName: '收据.pdf', contentBase64: b64(scan) });
    expect(await ok(web, 'attachments.open', { linkId: link.linkId })).toEqual({ mode: 'download', url: `/attachments/${link.linkId}`, fileName: '收据.pdf' });
  });

  it('serves a download in npm run web only with the token, with the original name', async () => {
    const { services, commitment } = await setup();
    const added = await ok(services, 'attachments.add', { entity: 'commitment', entityId: commitment.id, fileName: '收据 2018.pdf', contentBase64: b64(scan) });
    server = await startWebServer({ services, rendererDir: tempDir() });
    const url = `http://127.0.0.1:${server.port}/attachments/${added.linkId}`;
    expect((await fetch(url)).status).toBe(403);
    const res = await fetch(url, { headers: { [TOKEN_HEADER]: server.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('收据 2018.pdf')}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(scan);
    expect((await fetch(`http://127.0.0.1:${server.port}/attachments/999`, { headers: { [TOKEN_HEADER]: server.token } })).status).toBe(404);
    fs.rmSync(path.join(attachmentsDir(services.file), added.sha256));
    expect((await fetch(url, { headers: { [TOKEN_HEADER]: server.token } })).status).toBe(410);
  });

  it('refuses a missing record, an empty or oversized file, and writes nothing', async () => {
    const { services } = await setup();
    const before = tableCounts(services);
    const noRecord = await services.call('attachments.add', { entity: 'commitment', entityId: 999, fileName: 'a.pdf', contentBase64: b64(scan) });
    expect(!noRecord.ok && noRecord.error.kind === 'validation' && noRecord.error.issues[0]?.path).toEqual(['entityId']);
    // Visits arrive with another feature; until its table exists, no visit can be found.
    const visit = await services.call('attachments.add', { entity: 'visit', entityId: 1, fileName: 'a.pdf', contentBase64: b64(scan) });
    expect(visit.ok).toBe(false);
    const empty = await services.call('attachments.add', { entity: 'agreement', entityId: 1, fileName: 'a.pdf', contentBase64: '' });
    expect(!empty.ok && empty.error.kind === 'validation' && empty.error.issues[0]?.message).toBe('attachmentsErrors.empty');
    const big = await services.call('attachments.add', {
      entity: 'agreement',
      entityId: 1,
      fileName: 'big.pdf',
      contentBase64: b64(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1)),
    });
    expect(!big.ok && big.error.kind === 'validation' && big.error.issues[0]?.message).toBe('attachmentsErrors.too_large|{"max":10}');
    expect(tableCounts(services)).toEqual(before);
    expect(fs.existsSync(attachmentsDir(services.file))).toBe(false);
  });
});

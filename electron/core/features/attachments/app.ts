import { sql } from 'kysely';
import { MAX_ATTACHMENT_BYTES, type AttachmentEntity, type AttachmentRow } from '../../../../shared/contract/attachments.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { conflict, fieldError, notFound } from '../../../../shared/contract/result.ts';
import { stamp, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { attachmentMimeType, cleanFileName, openDecision } from '../../rules/attachment-types.ts';
import { copyForViewing, deleteStored, isPresent, storeContent, storedFile } from './store.ts';

// Links are polymorphic (no foreign key on entity_id), so existence is checked here.
const TABLES: Record<AttachmentEntity, string> = { agreement: 'agreements', visit: 'visits', commitment: 'commitments', delivery: 'deliveries' };

async function checkTarget(ctx: Ctx, entity: AttachmentEntity, entityId: number) {
  const table = TABLES[entity];
  // A table another feature has not created yet (visits before its migration) simply has no such record.
  const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ${table}`.execute(ctx.db);
  const found = exists.rows[0]?.n ? await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${entityId}`.execute(ctx.db) : { rows: [] };
  if (found.rows.length === 0) throw fieldError(['entityId'], 'errors.not_found');
}

function linkQuery(ctx: Pick<Ctx, 'db'>) {
  return ctx.db
    .selectFrom('attachment_links as k')
    .innerJoin('attachments as f', 'f.id', 'k.attachment_id')
    .select([
      'k.id as linkId',
      'f.id as attachmentId',
      'k.entity',
      'k.entity_id as entityId',
      'k.file_name as fileName',
      'f.mime_type as mimeType',
      'f.size',
      'f.sha256',
      'k.created_at as attachedAt',
    ]);
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linkQuery>['executeTakeFirstOrThrow']>>;
const withPresence = (ctx: Pick<Ctx, 'opened'>, r: LinkRow): AttachmentRow => ({
  ...r,
  entity: r.entity,
  missing: !isPresent(ctx.opened.path, r.sha256),
});

async function mustFindLink(ctx: Ctx, linkId: number) {
  const row = await linkQuery(ctx).where('k.id', '=', linkId).executeTakeFirst();
  if (!row) throw notFound('attachment', linkId);
  return withPresence(ctx, row);
}

export async function listAttachments(ctx: Ctx, entity: AttachmentEntity, entityId: number) {
  const rows = await linkQuery(ctx).where('k.entity', '=', entity).where('k.entity_id', '=', entityId).orderBy('k.id').execute();
  return rows.map((r) => withPresence(ctx, r));
}

export async function addAttachment(input: CallParsed<'attachments.add'>, ctx: Ctx) {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw fieldError(['contentBase64'], 'attachmentsErrors.empty');
  if (content.length > MAX_ATTACHMENT_BYTES) throw fieldError(['contentBase64'], 'attachmentsErrors.too_large', { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  await checkTarget(ctx, input.entity, input.entityId);
  const fileName = cleanFileName(input.fileName);
  // Written before the row: if the transaction then fails, an unreferenced file is harmless.
  const hash = storeContent(ctx.opened.path, content);
  let attachment = await ctx.db.selectFrom('attachments').select('id').where('sha256', '=', hash).executeTakeFirst();
  if (!attachment) {
    attachment = await ctx.db
      .insertInto('attachments')
      .values({ sha256: hash, original_name: fileName, mime_type: attachmentMimeType(fileName), size: content.length, created_at: stamp(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const already = await ctx.db
    .selectFrom('attachment_links')
    .select('file_name')
    .where('attachment_id', '=', attachment.id)
    .where('entity', '=', input.entity)
    .where('entity_id', '=', input.entityId)
    .executeTakeFirst();
  if (already) throw conflict('attachmentsErrors.already_attached', { name: already.file_name });
  const { id } = await ctx.db
    .insertInto('attachment_links')
    .values({ attachment_id: attachment.id, entity: input.entity, entity_id: input.entityId, file_name: fileName, created_at: stamp(ctx) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await mustFindLink(ctx, id);
  await ctx.audit('attachment_link', id, 'create', null, row);
  return row;
}

/** Unlinks, and forgets the attachment when no record uses it any more. */
const unlink = mutation<'attachments.remove'>(async ({ linkId }, ctx) => {
  const before = await mustFindLink(ctx, linkId);
  await ctx.db.deleteFrom('attachment_links').where('id', '=', linkId).execute();
  await ctx.audit('attachment_link', linkId, 'delete', before, null);
  const stillUsed = await ctx.db.selectFrom('attachment_links').select('id').where('attachment_id', '=', before.attachmentId).executeTakeFirst();
  if (stillUsed) return { removed: true, fileDeleted: false };
  await ctx.db.deleteFrom('attachments').where('id', '=', before.attachmentId).execute();
  return { removed: true, fileDeleted: true };
});

export const attachmentHandlers: Handlers<'attachments.list' | 'attachments.add' | 'attachments.remove' | 'attachments.open'> = {
  'attachments.list': ({ entity, entityId }, ctx) => listAttachments(ctx, entity, entityId),
  'attachments.add': mutation(addAttachment),
  'attachments.remove': async (input, ctx) => {
    const { sha256 } = await mustFindLink(ctx, input.linkId);
    const result = await unlink(input, ctx);
    // The file goes only after the commit: a rolled-back removal must still find it.
    if (result.fileDeleted) deleteStored(ctx.opened.path, sha256);
    return result;
  },
  'attachments.open': async ({ linkId }, ctx) => {
    const link = await mustFindLink(ctx, linkId);
    if (link.missing) throw conflict('attachmentsErrors.file_missing', { name: link.fileName });
    if (!ctx.openPath) return { mode: 'download', url: `/attachments/${linkId}`, fileName: link.fileName };
    const copy = copyForViewing(ctx.opened.path, link.sha256, link.fileName, linkId);
    const decision = openDecision(link.fileName);
    if (decision.action === 'reveal') {
      // Never run: the user sees it in its folder, with our warning, and decides.
      ctx.showInFolder?.(copy);
      return { mode: 'revealed', fileName: link.fileName, extension: decision.extension };
    }
    const problem = await ctx.openPath(copy);
    if (problem) throw conflict('attachmentsErrors.cannot_open', { name: link.fileName });
    return { mode: 'opened' };
  },
};

/** For the web server's download route: the stored file behind a link, or null with the reason. */
export async function attachmentForDownload(ctx: Pick<Ctx, 'db' | 'opened'>, linkId: number) {
  const row = await linkQuery(ctx).where('k.id', '=', linkId).executeTakeFirst();
  if (!row) return { file: null, reason: 'not_found' as const };
  const link = withPresence(ctx, row);
  if (link.missing) return { file: null, reason: 'missing' as const, link };
  return { file: storedFile(ctx.opened.path, link.sha256), link };
}

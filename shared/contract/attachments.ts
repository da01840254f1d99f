import { z } from './zod-messages.ts';
import { id } from './common.ts';

export const ATTACHMENT_ENTITIES = ['agreement', 'visit', 'commitment', 'delivery'] as const;
export type AttachmentEntity = (typeof ATTACHMENT_ENTITIES)[number];

/**
 * Largest file accepted. In `npm run web` the file travels base64-encoded
 * inside one JSON call (a third larger), which must stay under the server's
 * 20 MB body limit; the desktop app uses the same limit so both behave alike.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const attachmentTarget = z.object({ entity: z.enum(ATTACHMENT_ENTITIES), entityId: id });

export const attachmentAdd = attachmentTarget
  .extend({
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z
      .string()
      .max(MAX_BASE64, `attachmentsErrors.too_large|${JSON.stringify({ max: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'attachmentsErrors.bad_content'),
  })
  .strict();

export const attachmentList = attachmentTarget.strict();
export const attachmentLink = z.object({ linkId: id }).strict();

export type AttachmentRow = {
  linkId: number;
  attachmentId: number;
  entity: AttachmentEntity;
  entityId: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  attachedAt: string;
  /** The file is not in the attachments folder any more (moved, deleted by hand, a copied database). */
  missing: boolean;
};

/**
 * Desktop: a document or image is opened with the system's viewer; any other type (it could run a
 * program) is only shown in its folder, and the screen says why. Web: the renderer downloads it from `url` with its token.
 */
export type AttachmentOpen =
  { mode: 'opened' } | { mode: 'revealed'; fileName: string; extension: string } | { mode: 'download'; url: string; fileName: string };

// What an attached file may do on this machine, decided from its name alone:
// a plain function, so the rule is tested in Node and the shell only carries it out.
import { lastPathPart, safeFileName } from '../files/names.ts';

/**
 * Documents and images an office attaches, which the system viewer shows without
 * running anything. Anything else (.exe, .bat, .lnk, .hta, .js, .html, .svg, macro-enabled
 * Office files…) is never handed to the viewer, and never served with a type a browser would render.
 */
const VIEWABLE: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
};

const OCTET = 'application/octet-stream';

/** A stored attachment's name: the last part of what the client sent, made safe (files/names.ts). */
export const cleanFileName = (name: string): string => safeFileName(lastPathPart(name), 'archivo');

/** The extension as the operating system will read it, lower-case, without its dot ('' when none). */
export function extensionOf(name: string): string {
  const clean = cleanFileName(name);
  const dot = clean.lastIndexOf('.');
  return dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
}

/** The content type we state for a stored file: from the allow-list by its name, else a download. Never what a client sent. */
export function attachmentMimeType(name: string): string {
  const extension = extensionOf(name);
  // Own keys only: 'constructor' is not a document type.
  return (Object.hasOwn(VIEWABLE, extension) ? VIEWABLE[extension] : undefined) ?? OCTET;
}

export type OpenDecision = { action: 'open' } | { action: 'reveal'; extension: string };

/** Open with the system viewer only a document or image; anything else is shown in its folder with a warning. */
export function openDecision(name: string): OpenDecision {
  const extension = extensionOf(name);
  return Object.hasOwn(VIEWABLE, extension) ? { action: 'open' } : { action: 'reveal', extension };
}

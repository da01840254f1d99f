import { Unzip, UnzipInflate } from 'fflate';

// Parts out of a zip archive someone gave us (an .xlsx to import, a .docx house
// style): fflate reads the archive (ZIP64 included) and inflates as a stream, so
// a bomb is stopped at the cap, not after it has filled the memory or spent
// minutes inflating into nowhere.

export type ZipLimits = {
  /** Entries in the whole archive: an .xlsx or .docx has a few dozen. */
  entries: number;
  /** Inflated bytes of one wanted part. */
  partBytes: number;
  /** Inflated bytes of all wanted parts together. */
  totalBytes: number;
};

// A sheet of 50,000 rows (the import limit) by a dozen columns is about 20 MB of XML.
export const ZIP_LIMITS: ZipLimits = { entries: 2_000, partBytes: 32 * 1024 * 1024, totalBytes: 64 * 1024 * 1024 };

export type ZipRefusal = { reason: 'notZip' } | { reason: 'tooManyEntries'; max: number } | { reason: 'tooLarge'; part: string; max: number };

export class ZipRefused extends Error {
  readonly refusal: ZipRefusal;
  constructor(refusal: ZipRefusal) {
    super(`zip refused: ${refusal.reason}`);
    this.refusal = refusal;
  }
}

// Input is fed in slices so that one slice of a bomb inflates to at most about 4 MB before the cap is checked
// (smaller slices cost fflate more than they save).
const SLICE = 4 * 1024;

/**
 * The wanted parts of an archive, by name. Parts not wanted are skipped without
 * inflating. Throws ZipRefused when the bytes are not a readable archive, hold
 * more entries than allowed, or a wanted part inflates past its cap (whatever
 * size its header claims).
 */
export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  const unfinished = new Set<string>();
  let entries = 0;
  let total = 0;
  // The first refusal, set by fflate's callbacks (a holder, so the checks after the loop read what they set).
  const first: { refusal: ZipRefusal | null } = { refusal: null };
  const stop = (r: ZipRefusal): never => {
    first.refusal ??= r;
    throw new ZipRefused(first.refusal);
  };
  const unzip = new Unzip((file) => {
    if (++entries > limits.entries) stop({ reason: 'tooManyEntries', max: limits.entries });
    if (!wanted(file.name)) return;
    // Two entries under one name: which one a program reads differs, so neither is trusted.
    if (parts.has(file.name) || unfinished.has(file.name)) stop({ reason: 'notZip' });
    if (file.compression !== 0 && file.compression !== 8) stop({ reason: 'notZip' });
    if ((file.originalSize ?? 0) > limits.partBytes) stop({ reason: 'tooLarge', part: file.name, max: limits.partBytes });
    const chunks: Uint8Array[] = [];
    let size = 0;
    unfinished.add(file.name);
    file.ondata = (error, chunk, final) => {
      if (error || first.refusal) stop(first.refusal ?? { reason: 'notZip' });
      size += chunk.length;
      total += chunk.length;
      if (size > limits.partBytes || total > limits.totalBytes) stop({ reason: 'tooLarge', part: file.name, max: limits.partBytes });
      chunks.push(chunk);
      if (final) {
        unfinished.delete(file.name);
        parts.set(file.name, concat(chunks, size));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    if (bytes.length === 0) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipRefused) throw first.refusal ? new ZipRefused(first.refusal) : error;
    // fflate's own complaint (a truncated or corrupt stream): the file is not an archive we can read.
    throw new ZipRefused(first.refusal ?? { reason: 'notZip' });
  }
  if (first.refusal) throw new ZipRefused(first.refusal);
  // A part cut short by the end of the file.
  if (unfinished.size) throw new ZipRefused({ reason: 'notZip' });
  return parts;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const [only] = chunks;
  if (chunks.length === 1 && only) return only;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** One part as text (UTF-8), or null when the archive does not hold it. */
export function readZipText(bytes: Uint8Array, name: string, limits: ZipLimits = ZIP_LIMITS): string | null {
  const part = readZipParts(bytes, (n) => n === name, limits).get(name);
  return part ? new TextDecoder().decode(part) : null;
}

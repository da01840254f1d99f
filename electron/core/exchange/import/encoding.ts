import iconv from 'iconv-lite';
import type { CsvEncoding } from '../../../../shared/contract/imports.ts';

// Which encoding a CSV was saved in. A byte-order mark says it outright; UTF-16
// without one shows as zero bytes on one side of each pair; text that is valid
// UTF-8 is UTF-8. Otherwise the file was saved by a program that uses the
// computer's legacy code page: Windows-1252 in Latin America, GB18030 (GBK) on a
// Chinese Windows, Shift-JIS on a Japanese one. Those three accept almost any
// bytes, so each is scored on what its reading would be: Chinese characters a
// Chinese text uses, kana and kanji, or accented letters between Latin ones.
// General detectors (ICU's, chardet) need far more text than one CSV row gives:
// on "北京;中国" in GB18030 they answer ISO-8859-1.

const SAMPLE = 256 * 1024;

type Reading = { valid: boolean; score: number };

function bom(b: Uint8Array): CsvEncoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: the ASCII in a CSV (separators, digits, line ends) leaves a zero byte in every other place. */
function utf16Without(b: Uint8Array): CsvEncoding | null {
  const n = Math.min(b.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd / pairs >= 0.2 && even / pairs < 0.02) return 'utf-16le';
  if (even / pairs >= 0.2 && odd / pairs < 0.02) return 'utf-16be';
  return null;
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** GBK/GB18030 structure; GB2312's common characters and punctuation score 1, rarer extension characters ½. */
function readGb(b: Uint8Array, n: number): Reading {
  let sum = 0;
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const lead = b[i];
    if (lead === undefined) break; // n is at most the bytes' length
    if (lead < 0x80) continue;
    if (lead === 0x80 || lead === 0xff) return { valid: false, score: 0 };
    const t = b[i + 1];
    if (t === undefined) break; // cut by the sample's end
    if (t >= 0x30 && t <= 0x39) {
      // Four-byte sequence.
      const t2 = b[i + 2];
      const t3 = b[i + 3];
      if (t2 === undefined || t3 === undefined) break;
      if (t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return { valid: false, score: 0 };
      chars++;
      sum += 0.3;
      i += 3;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) return { valid: false, score: 0 };
    chars++;
    if (t >= 0xa1 && ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa9))) sum += 1;
    else sum += 0.5 * (t >= 0xa1 ? 1 : 0.4);
    i++;
  }
  return { valid: true, score: chars ? sum / chars : 0 };
}

/** Shift-JIS structure; kana, kanji and Japanese punctuation score 1, half-width katakana and vendor extensions little. */
function readSjis(b: Uint8Array, n: number): Reading {
  let sum = 0;
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const lead = b[i];
    if (lead === undefined) break;
    if (lead < 0x80) continue;
    if (lead >= 0xa1 && lead <= 0xdf) {
      chars++;
      sum += 0.1;
      continue;
    }
    if (lead === 0x80 || lead === 0xa0 || (lead >= 0xf0 && lead <= 0xf9) || lead >= 0xfd) return { valid: false, score: 0 };
    const t = b[i + 1];
    if (t === undefined) break;
    if (t < 0x40 || t === 0x7f || t > 0xfc) return { valid: false, score: 0 };
    chars++;
    const common = lead === 0x81 || lead === 0x82 || lead === 0x83 || (lead >= 0x88 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xea);
    sum += common ? 1 : 0.3;
    i++;
  }
  return { valid: true, score: chars ? sum / chars : 0 };
}

// Windows-1252 letters and signs of Spanish, Portuguese and the other Western languages an office writes.
const LATIN = new Set([...'ÀÁÂÃÄÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜàáâãäçèéêëìíîïñòóôõöùúûüÿºª°¿¡«»€–—‘’“”…·'].flatMap((c) => [...iconv.encode(c, 'win1252')])); // one byte each
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function readLatin(b: Uint8Array, n: number): Reading {
  let sum = 0;
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === undefined) break;
    if (c < 0x80) continue;
    if (UNDEFINED_1252.has(c)) return { valid: false, score: 0 };
    chars++;
    sum += LATIN.has(c) ? 1 : 0.1;
  }
  return { valid: true, score: chars ? sum / chars : 0 };
}

/** The encoding a CSV's bytes are most likely in. */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  const marked = bom(bytes) ?? utf16Without(bytes);
  if (marked) return marked;
  if (isUtf8(bytes)) return 'utf-8';
  const n = Math.min(bytes.length, SAMPLE);
  const readings: [CsvEncoding, Reading][] = [
    // In order of preference when two read equally well: this office's own code page first.
    ['windows-1252', readLatin(bytes, n)],
    ['gb18030', readGb(bytes, n)],
    ['shift_jis', readSjis(bytes, n)],
  ];
  return readings.reduce((best, r) => (r[1].valid && (!best[1].valid || r[1].score > best[1].score) ? r : best))[0];
}

const ICONV: Record<CsvEncoding, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  gb18030: 'gb18030',
  shift_jis: 'shiftjis',
  'windows-1252': 'win1252',
};

/** The text of a CSV in the given encoding, its byte-order mark taken off. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ICONV[encoding], { stripBOM: true });
  return text;
}

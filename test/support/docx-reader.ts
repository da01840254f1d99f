import { strFromU8, unzipSync } from 'fflate';

// Reads a generated .docx back the way a test needs it: the XML parts, and the
// text of paragraphs and table rows with the XML taken out. The archive is read
// with fflate's plain unzip, not with the capped reader the app uses on files
// it is given (electron/core/files/zip.ts), so a fault there cannot hide here.

export function docxPart(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  if (!part) throw new Error(`${name} is not in the document`);
  return strFromU8(part);
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The visible text of a piece of WordprocessingML: its w:t runs joined, a line break per w:br. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : unescape(m[1]))).join('');
}

export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
}

/** Every table row as its cells' texts. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));
}

/** The value cell of the summary row whose label starts with `label`. */
export function figure(xml: string, label: string): string | undefined {
  return tableRows(xml).find((r) => r.length === 2 && r[0]!.startsWith(label))?.[1];
}

/** The run properties of every run whose text contains `text`. */
export function runsWith(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].filter((m) => textOf(m[1]!).includes(text)).map((m) => /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(m[1]!)?.[0] ?? '');
}

import { unzipSync, strFromU8 } from 'fflate';

// The number format each cell of a workbook's first sheet is shown with, read straight from
// its XML (the app's reader keeps values, not formats): for tests of what a file shows.

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Per row, per column: the cell's custom number format, or null (none, or a built-in one such as General). */
export function cellFormats(xlsx: Uint8Array): (string | null)[][] {
  const files = unzipSync(xlsx);
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const styles = text('xl/styles.xml');
  const codes = new Map([...styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)].map((m) => [m[1], unescape(m[2]!)]));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const formatOfStyle = [...xfs.matchAll(/<xf\b([^>]*)>?/g)].map((m) => codes.get(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? '0') ?? null);
  return [...text('xl/worksheets/sheet1.xml').matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: (string | null)[] = [];
    for (const cell of row[1]!.matchAll(/<c\b([^>]*?)\/?>/g)) {
      const column = /r="([A-Z]+)\d+"/.exec(cell[1]!)?.[1] ?? '';
      // Column letters to an index: A → 0, Z → 25, AA → 26.
      let number = 0;
      for (const letter of column) number = number * 26 + letter.charCodeAt(0) - 64;
      const index = number - 1;
      const style = /\ss="(\d+)"/.exec(cell[1]!)?.[1];
      cells[index] = style === undefined ? null : (formatOfStyle[Number(style)] ?? null);
    }
    return Array.from(cells, (c) => c ?? null);
  });
}

import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { boldCell, dataTable, docxDataTable, type Block, type Cell, type Column } from '../../electron/core/reports/blocks.ts';
import { reportLocale } from '../../electron/core/reports/format.ts';
import { docxPart, runsWith } from '../support/docx-reader.ts';

// Big tables write their body rows straight as XML (reports/rows.ts) instead of
// through docx's Paragraph/TextRun/TableCell objects. The document must not
// tell the difference: the same table built both ways packs to the same XML.

const columns: Column[] = [
  { title: 'Socio', weight: 20 },
  { title: 'Tipo', weight: 18 },
  { title: 'Descripción', weight: 30 },
  { title: 'Fecha', weight: 13, align: 'center' },
  { title: 'Avance', weight: 19, align: 'right' },
];

// The names as a report writes them: each registered with its locality's country.
const l = reportLocale('es');
const name = (n: string, native: string, country: string) => l.bothScripts(n, native, country);

const rows: Cell[][] = [
  [name('Shanghai', '上海市', 'CN'), 'Beca\nEntregamos', 'Becas de maestría & <doctorado> "2026"', '1 mar 2026', '2 / 3 (67 %)'],
  [name('Kobe', '神戸市', 'JP'), boldCell('Capacitación'), '', '', { text: '0 / 1', align: 'left' }],
  [
    name('Busan', '부산광역시', 'KR'),
    'Donación',
    'Línea 1\nLínea 2 con 汉字\n',
    '31 dic 2026',
    boldCell(`${name('Chen Jia', '陈佳', 'CN')}\n${name('Li Na', '李娜', 'CN')}`),
  ],
  // Two languages on one line: a run each, the line break only before the first.
  [`${name('Tainan', '臺南市', 'TW')}\n${name('Kobe', '神戸市', 'JP')}, ${name('Shanghai', '上海市', 'CN')}`, 'Otro', '', '', ''],
  ['Lima', 'Otro', 'Tab\tand trailing space ', '—', '1 / 1 (100 %)'],
];

async function documentXml(blocks: Block[]): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: blocks }] }));
  return docxPart(bytes, 'word/document.xml');
}

describe('report table rows written as XML', () => {
  it('pack to exactly the XML docx writes for the same table', async () => {
    for (const keepTogether of [false, true]) {
      const fast = await documentXml([dataTable(l, columns, rows, { keepTogether })]);
      const docx = await documentXml([docxDataTable(l, columns, rows, { keepTogether })]);
      expect(fast).toBe(docx);
    }
    const narrow = await documentXml([dataTable(l, columns, rows, { widthTwips: 5000 })]);
    expect(narrow).toBe(await documentXml([docxDataTable(l, columns, rows, { widthTwips: 5000 })]));
  });

  it('keep the East-Asian font and language on runs with Chinese, Japanese or Korean names', async () => {
    const xml = await documentXml([dataTable(l, columns, rows)]);
    expect(runsWith(xml, '上海市')[0]).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans CJK SC"/);
    expect(runsWith(xml, '上海市')[0]).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(runsWith(xml, '부산광역시')[0]).toMatch(/w:eastAsia="Noto Sans CJK KR"/);
    // Kobe's kanji are Japanese because Kobe is in Japan, though they hold no kana.
    expect(runsWith(xml, '神戸市')[0]).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans CJK JP"/);
    expect(runsWith(xml, '神戸市')[0]).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    expect(runsWith(xml, '臺南市')[0]).toMatch(/<w:lang [^>]*w:eastAsia="zh-TW"/);
    expect(runsWith(xml, '神戸市, Shanghai')[0]).toMatch(/w:eastAsia="ja-JP"/);
    for (const run of runsWith(xml, '上海市')) expect(run).toMatch(/w:eastAsia="zh-CN"/);
    expect(runsWith(xml, 'Capacitación')[0]).toContain('<w:b/>');
    expect(runsWith(xml, 'Lima')[0]).toBe('');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/core/files/atomic.ts';
import { safeFileName } from '../../electron/core/files/names.ts';

// The one atomic write and the one file-name rule (issue 18: each was written three and two times).
describe('writeFileAtomic', () => {
  it('writes and replaces a file whole, leaving nothing beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const file = path.join(dir, 'Informe 上海市.docx');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, Buffer.from('second'));
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(fs.readdirSync(dir)).toEqual(['Informe 上海市.docx']);
  });

  it('leaves the target as it was, and no partial file, when the write fails', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target); // a folder where the file should go: the rename fails
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });
});

describe('safeFileName', () => {
  it('keeps accents and CJK, drops what Windows refuses or what hides a type', () => {
    expect(safeFileName('Informe de la visita de la delegación de Zhangzhou 漳州市 2020-03-02.docx', 'report')).toBe(
      'Informe de la visita de la delegación de Zhangzhou 漳州市 2020-03-02.docx',
    );
    expect(safeFileName('Acuerdo: Foo/Bar <2026>?.docx', 'report')).toBe('Acuerdo_ Foo_Bar _2026__.docx');
    expect(safeFileName('Acta\u202Efdp.exe', 'archivo')).toBe('Actafdp.exe');
    expect(safeFileName('a.exe. ', 'archivo')).toBe('a.exe');
    expect(safeFileName('\u0000 .. ', 'report')).toBe('report');
  });
});

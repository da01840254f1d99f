import { describe, expect, it } from 'vitest';
import { foldText, likePattern, searchKey, searchTerms } from '../../shared/text/search-key.ts';
import { placeKey } from '../../shared/text/place-key.ts';

// A key holds the words a record is found by; a search finds it when every typed word is inside.
const finds = (key: string, typed: string) => searchTerms(typed).every((t) => key.includes(t));

describe('search keys', () => {
  it('adds the toneless pinyin of Chinese names, so a place written only in characters is found by its reading', () => {
    expect(searchKey('厦门市')).toBe('厦门市 xiamenshi');
    expect(finds(searchKey('厦门市'), 'xiamen')).toBe(true);
    expect(finds(searchKey('厦门市'), 'Xiàmén')).toBe(true);
    expect(finds(searchKey('厦门市'), 'XIA MEN')).toBe(true);
    expect(finds(searchKey('厦门市'), '厦门')).toBe(true);
    // Polyphonic characters read as the word is read: 重庆 is chongqing, not zhongqing.
    expect(searchKey('重庆市')).toContain('chongqing');
    expect(finds(searchKey('Wang Wei', '王伟'), 'wangwei')).toBe(true);
    expect(finds(searchKey('Wang Wei', '王伟'), 'wei wang')).toBe(true);
  });

  it('is blind to accents, case and width, in every Latin-script language the office writes', () => {
    expect(searchKey('São Paulo')).toBe('sao paulo');
    expect(searchKey('  CÓRDOBA   Ñandú ')).toBe('cordoba nandu');
    expect(searchKey('ＸＩＡＭＥＮ')).toBe('xiamen');
    expect(finds(searchKey('Fernández'), 'FERNANDEZ')).toBe(true);
    expect(finds(searchKey('Fernandez'), 'fernández')).toBe(true);
  });

  it('lets kana and kanji pass through as written, voicing marks kept (が is not か)', () => {
    expect(searchKey('さとう')).toBe('さとう');
    expect(searchKey('ガイド')).toBe('ガイド');
    expect(searchKey('ｶﾞｲﾄﾞ')).toBe('ガイド');
    expect(finds(searchKey('ガイド'), 'カイト')).toBe(false);
    expect(finds(searchKey('東京都'), '東京')).toBe(true);
    expect(finds(searchKey('서울'), '서울')).toBe(true);
  });

  it('keys mixed scripts word by word: Latin folded, characters kept, pinyin of each run of characters', () => {
    expect(searchKey('Delegación de 福州 y 泉州', 'Acta')).toBe('delegacion de 福州 y 泉州 acta fuzhou quanzhou');
    expect(finds(searchKey('Delegación de 福州 y 泉州'), 'quanzhou delegacion')).toBe(true);
  });

  it('folds what is typed without adding pinyin, and escapes LIKE wildcards', () => {
    expect(foldText('厦门')).toBe('厦门');
    expect(searchTerms('  Xiàmén   厦门 ')).toEqual(['xiamen', '厦门']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('leaves place matching as it was (a name and its characters, without readings)', () => {
    expect(placeKey('上海市')).toBe('上海');
    expect(placeKey('Ciudad de Shanghái')).toBe('shanghai');
  });
});

import { describe, expect, it } from 'vitest';
import { nativeLang, twoScripts } from '../../shared/names.ts';

describe('a name in two scripts', () => {
  it('reads romanized first, native after, once', () => {
    expect(twoScripts('Lin Xiaoming', '林晓明')).toBe('Lin Xiaoming 林晓明');
    expect(twoScripts('Lima', null)).toBe('Lima');
    expect(twoScripts('Lima', '  ')).toBe('Lima');
    expect(twoScripts('上海市', '上海市')).toBe('上海市');
  });

  it("tags the native part by the place's country, else by its script", () => {
    expect(nativeLang('神戸市', 'JP')).toBe('ja'); // kanji only: Japanese because Kobe is in Japan
    expect(nativeLang('神戸市')).toBe('zh-Hans'); // no country, no kana: Han script
    expect(nativeLang('上海市', 'CN')).toBe('zh-Hans');
    expect(nativeLang('臺北市', 'TW')).toBe('zh-Hant');
    expect(nativeLang('서울특별시', 'KR')).toBe('ko');
    expect(nativeLang('ひろしま')).toBe('ja');
    expect(nativeLang('부산')).toBe('ko');
    expect(nativeLang('Санкт-Петербург', 'RU')).toBeNull();
    expect(nativeLang('Montréal', 'JP')).toBeNull(); // no East-Asian characters: the page's language applies
  });
});

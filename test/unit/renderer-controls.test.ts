import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Controls the browser or the OS draws in its own language and date order
// (mm/dd/yyyy under an English Windows) are not allowed in the renderer: the
// app has its own (components/DateField.tsx). The one place allowed to name
// them is this rule.
const root = path.resolve(import.meta.dirname, '../..');
const files = fs
  .readdirSync(path.join(root, 'renderer'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|tsx|html)$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name));

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'native date/time input', pattern: /type\s*=\s*(\{\s*)?['"`](date|time|datetime-local|month|week)['"`]|['"`](datetime-local)['"`]/ },
  { name: "the browser's confirm/alert/prompt", pattern: /(^|[^.\w])(window\.)?(confirm|alert|prompt)\s*\(\s*(?![{)])|window\.(confirm|alert|prompt)\b/m },
  { name: 'bare file input', pattern: /type\s*=\s*(\{\s*)?['"`]file['"`]/ },
  // Native names are tagged by components/TwoScripts.tsx (Kobe's 神戸市 is Japanese, not Chinese).
  { name: 'hard-coded lang on a native name', pattern: /lang=["'](zh|ja|ko)[^"']*["']/ },
  // A list of every record to fill a dropdown stops working at 20,000 contacts: pickers search (components/RecordPicker.tsx).
  { name: 'whole table loaded for a control', pattern: /limit:\s*10_?000\b/ },
  // The address is typed by people: a filter read from it goes through the contract's schema (components/list/params.ts).
  { name: 'URL parameter cast to a type', pattern: /\bget\(\s*(['"`])[^'"`]+\1\s*\)(\s*\|\|\s*undefined)?\)?\s+as\s+(?!const\b)/ },
];

function offences(source: string) {
  return RULES.filter((r) => r.pattern.test(source)).map((r) => r.name);
}

describe('renderer controls', () => {
  it('recognises each forbidden control', () => {
    expect(offences('<input id="d" type="date" />')).toEqual(['native date/time input']);
    expect(offences("<input type={'time'} />")).toEqual(['native date/time input']);
    expect(offences("const inputType = allDay ? 'date' : 'datetime-local';")).toEqual(['native date/time input']);
    expect(offences('<DateField id="d" value={v} onChange={set} />')).toEqual([]);
    expect(offences("if (window.confirm(t('x'))) go();")).toEqual(["the browser's confirm/alert/prompt"]);
    expect(offences("alert('Saved');")).toEqual(["the browser's confirm/alert/prompt"]);
    expect(offences('<input type="file" onChange={pick} />')).toEqual(['bare file input']);
    expect(offences('<span lang="zh">{l.nativeName}</span>')).toEqual(['hard-coded lang on a native name']);
    expect(offences("if (await confirm({ title, action: t('confirm.deleteVisit') })) go();")).toEqual([]);
    expect(offences('<FileButton id="f" label={t("files.choose")} onFile={pick} />')).toEqual([]);
    expect(offences("const partners = useCall('localities.list', { limit: 10000 });")).toEqual(['whole table loaded for a control']);
    expect(offences("useCall('search.pick', { kind: 'locality', query, limit: PAGE })")).toEqual([]);
    expect(offences("statuses: params.get('status') ? [params.get('status') as CommitmentStatus] : undefined,")).toEqual(['URL parameter cast to a type']);
    expect(offences("kind: (params.get('kind') as CommitmentKind | null) || undefined,")).toEqual(['URL parameter cast to a type']);
    expect(offences("direction: (get('direction') || undefined) as VisitListInput['direction'],")).toEqual(['URL parameter cast to a type']);
    expect(offences("direction: textParam(visitList.shape.direction, get('direction')),")).toEqual([]);
  });

  it('uses none of them', () => {
    const found = files.flatMap((f) => offences(fs.readFileSync(f, 'utf8')).map((o) => `${path.relative(root, f)}: ${o}`));
    expect(found).toEqual([]);
  });
});

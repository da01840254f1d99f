import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// No module imports itself through others, type-only imports included: a circle means two modules that
// cannot be understood, tested or moved apart (issue 18 broke three: backup/inspect ↔ backup/attachment-files,
// sample/extensions ↔ each feature's sample.ts, contract/settings → money → format → region → contract/settings).

const root = path.resolve(import.meta.dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;

function sources(): string[] {
  const out: string[] = [];
  for (const dir of ['electron', 'shared', 'renderer/src', 'migrations']) {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
      if (e.isFile() && /\.tsx?$/.test(e.name)) out.push(path.join(e.parentPath, e.name));
    }
  }
  return out;
}

function cycles(): string[][] {
  const graph = new Map(sources().map((f) => [f, [...fs.readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => path.resolve(path.dirname(f), m[1] ?? ''))]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => path.relative(root, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('imports', () => {
  it('form no circle', () => {
    expect(cycles()).toEqual([]);
  });
});

// `npm run schema`: migrates an empty database in a temporary folder and writes db/schema.ts from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemaSource } from './codegen.ts';
import { openDatabase } from './open.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-schema-'));
const opened = await openDatabase(path.join(dir, 'schema.sqlite'));
try {
  const target = path.join(import.meta.dirname, 'schema.ts');
  fs.writeFileSync(target, schemaSource(opened.sqlite));
  console.log(
    `${path.relative(process.cwd(), target)} written from migration ${opened.sqlite.prepare<[], { v: number }>('SELECT max(version) AS v FROM schema_migrations').get()?.v ?? 0}`,
  );
} finally {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

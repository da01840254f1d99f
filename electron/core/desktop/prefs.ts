// The desktop app's own small settings file, beside its data in the local app-data folder.
// It holds what the shell needs before the data file is open or before Electron is ready:
// the UI language (Chromium's `--lang` is set before ready), a data file moved elsewhere,
// and the window's placement per display. The office's settings stay in the data file.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { language } from '../../../shared/contract/settings.ts';
import { writeFileAtomic } from '../files/atomic.ts';

const rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const prefsShape = z.object({
  language: language.optional().catch(undefined),
  /** Work on the office server at this origin, its certificate pinned to this fingerprint; absent: the local file. */
  server: z
    .object({ origin: z.string().url(), fingerprint: z.string().min(1) })
    .optional()
    .catch(undefined),
  /** Absolute path of a data file moved from Settings; absent means the default place. */
  dataFile: z.string().min(1).optional().catch(undefined),
  window: z
    .object({ last: z.string().nullable(), byDisplay: z.record(z.string(), z.object({ bounds: rect, maximized: z.boolean() })) })
    .optional()
    .catch(undefined),
});
export type DesktopPrefs = z.infer<typeof prefsShape>;

export const PREFS_FILE = 'desktop.json';

/** Whatever is in the file that still makes sense; a missing, damaged or hand-edited file gives defaults, never a failed start. */
export function readPrefs(dir: string): DesktopPrefs {
  try {
    const parsed = prefsShape.safeParse(JSON.parse(fs.readFileSync(path.join(dir, PREFS_FILE), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Merges and writes atomically, so a crash mid-write leaves the previous file. */
export function updatePrefs(dir: string, change: Partial<DesktopPrefs>): DesktopPrefs {
  const next = { ...readPrefs(dir), ...change };
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomic(path.join(dir, PREFS_FILE), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

import { AppFailure, fieldError } from '../../../../shared/contract/result.ts';
import { today } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { readAssets, removeAsset, storeAsset } from '../../reports/assets.ts';

// docx is a large library: loaded on the first report, not at every start of
// the app, the web server and each CLI command.
const reports = () => import('../../reports/generate.ts');

// Files this process saved through the shell's dialog: "open the file" may open
// only those, so the renderer can never ask the shell to open an arbitrary path.
const savedPaths = new Set<string>();

export const reportHandlers: Handlers<'reports.preview' | 'reports.generate' | 'reports.open' | 'reports.assets' | 'reports.setAsset' | 'reports.removeAsset'> =
  {
    'reports.preview': async (request, ctx) => (await reports()).previewReport(ctx.db, request, today(ctx)),
    'reports.generate': async ({ report, target }, ctx) => {
      const { fileName, bytes } = await (await reports()).renderReport(ctx.db, report, today(ctx), ctx.job);
      if (target === 'download') return { fileName, delivered: 'bytes', base64: bytes.toString('base64') };
      if (!ctx.host) throw fieldError(['target'], 'reportsErrors.no_save_dialog');
      let path: string | null;
      try {
        path = await ctx.host.saveFile(fileName, bytes);
      } catch {
        throw new AppFailure({ kind: 'conflict', message: 'reportsErrors.write_failed' });
      }
      if (!path) return { fileName, delivered: 'cancelled' };
      savedPaths.add(path);
      return { fileName, delivered: 'saved', path };
    },
    'reports.open': async ({ path }, ctx) => {
      if (!ctx.openPath || !savedPaths.has(path)) throw fieldError(['path'], 'reportsErrors.not_saved_here');
      const problem = await ctx.openPath(path);
      if (problem) throw new AppFailure({ kind: 'conflict', message: 'reportsErrors.open_failed' });
      return { opened: true };
    },
    'reports.assets': (_input, ctx) => readAssets(ctx.db),
    'reports.setAsset': mutation(async ({ kind, fileName, base64 }, ctx) => {
      const before = await readAssets(ctx.db);
      await storeAsset(ctx.db, kind, fileName, base64);
      const after = await readAssets(ctx.db);
      await ctx.audit('report_assets', 0, 'update', before, after);
      return after;
    }),
    'reports.removeAsset': mutation(async ({ kind }, ctx) => {
      const before = await readAssets(ctx.db);
      await removeAsset(ctx.db, kind);
      const after = await readAssets(ctx.db);
      await ctx.audit('report_assets', 0, 'update', before, after);
      return after;
    }),
  };

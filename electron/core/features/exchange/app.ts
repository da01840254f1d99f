import { notFound } from '../../../../shared/contract/result.ts';
import { createI18n } from '../../../../shared/i18n/index.ts';
import { readSettings } from '../settings/public.ts';
import type { Handlers } from '../../app/handlers.ts';
import { commitImport, previewImport } from '../../exchange/import/engine.ts';
import { exportJson } from '../../exchange/json.ts';
import { exportCsvTable, exportXlsx, tableLabel } from '../../exchange/sheets.ts';
import { dataTables, quote } from '../../exchange/tables.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exchangeHandlers: Handlers<'export.tables' | 'export.file' | 'import.preview' | 'import.commit'> = {
  'import.preview': (input, ctx) => previewImport(input, ctx),
  'import.commit': (input, ctx) => commitImport(input, ctx),
  'export.tables': async (_input, ctx) => {
    const sqlite = ctx.opened.sqlite;
    return {
      tables: dataTables(sqlite).map((t) => ({ name: t.name, rows: (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(t.name)}`).get() as { n: number }).n })),
    };
  },
  'export.file': async ({ format, table }, ctx) => {
    const sqlite = ctx.opened.sqlite;
    const day = ctx.now().toISOString().slice(0, 10);
    // Files are named in the office's language ('Visitas-2026-12-04.csv', 'Datos de Twinning Desk-2026-12-04.xlsx'), not by identifiers.
    const { t } = createI18n((await readSettings(ctx.db)).language);
    if (format === 'json') {
      return {
        fileName: `${t('exchange.allData')}-${day}.json`,
        mimeType: 'application/json',
        contentBase64: Buffer.from(exportJson(sqlite, ctx.job)).toString('base64'),
      };
    }
    if (format === 'xlsx') {
      return {
        fileName: `${t('exchange.allData')}-${day}.xlsx`,
        mimeType: XLSX_MIME,
        contentBase64: (await exportXlsx(sqlite, tableLabel(t), ctx.job)).toString('base64'),
      };
    }
    const content = exportCsvTable(sqlite, table ?? '');
    if (content === null) throw notFound('table', table ?? '');
    return { fileName: `${tableLabel(t)(table ?? '')}-${day}.csv`, mimeType: 'text/csv;charset=utf-8', contentBase64: Buffer.from(content).toString('base64') };
  },
};

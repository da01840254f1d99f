import type { CallParsed } from '../../../../shared/contract/index.ts';
import { conflict } from '../../../../shared/contract/result.ts';
import { present } from '../../../../shared/narrow.ts';
import { createI18n } from '../../../../shared/i18n/index.ts';
import { LIST_COLUMNS, type ListColumn, type ListName } from '../../../../shared/lists/columns.ts';
import { today, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { csvOfRows } from '../../exchange/sheets.ts';
import { writeWorkbook } from '../../exchange/xlsx/write.ts';
import { listAgreements } from '../agreements/public.ts';
import { listCommitments } from '../commitments/public.ts';
import { listContacts } from '../contacts/public.ts';
import { pageOfLocalities } from '../localities/public.ts';
import { officeLocaleOf, readSettings } from '../settings/public.ts';
import { listTasks } from '../tasks/public.ts';
import { listVisits } from '../visits/public.ts';
import { VIEW_CELLS, viewSheetCell, viewText, type ViewValue } from './view-cells.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A view exported is bounded like any file we write: past this many rows the officer is asked to filter. */
export const VIEW_EXPORT_MAX_ROWS = 50_000;

type Input = CallParsed<'export.view'>;
const all = { offset: 0, limit: VIEW_EXPORT_MAX_ROWS };

/** The rows of the view, through the list's own query (same filters, same order), without its paging. */
async function rowsOf(input: Input, ctx: Ctx, userName: string): Promise<{ total: number; rows: unknown[] }> {
  switch (input.list) {
    case 'agreements':
      return listAgreements(ctx.db, { ...input.query, ...all });
    case 'visits':
      return listVisits(ctx.db, { ...input.query, ...all });
    case 'commitments':
      return listCommitments(ctx.db, { ...input.query, ...all }, today(ctx));
    case 'contacts':
      return listContacts(ctx.db, { ...input.query, ...all });
    case 'localities':
      return pageOfLocalities(ctx.db, { ...input.query, ...all });
    case 'tasks':
      return listTasks(ctx.db, { ...input.query, ...all }, today(ctx), userName);
  }
}

export const listHandlers: Handlers<'export.view'> = {
  'export.view': async (input, ctx) => {
    const settings = await readSettings(ctx.db);
    const { t } = createI18n(settings.language);
    const say = { t, locale: await officeLocaleOf(ctx.db, settings.language) };
    const list: ListName = input.list;
    const defs: readonly ListColumn[] = LIST_COLUMNS[list];
    const cells = VIEW_CELLS[list] as Record<string, (row: unknown, s: typeof say) => ViewValue>;
    // The schema allows only this list's column ids, and each has its cell.
    const shown = input.columns.map((id) => {
      const def = present(
        defs.find((d) => d.id === id),
        `column ${id} of ${list}`,
      );
      return { label: def.label, cell: present(cells[id], `a cell for ${id}`) };
    });
    const header = shown.map((c) => t(c.label));
    const found = await rowsOf(input, ctx, settings.userName);
    if (found.total > VIEW_EXPORT_MAX_ROWS) throw conflict('lists.exportTooMany', { max: VIEW_EXPORT_MAX_ROWS });
    const values = found.rows.map((row) => shown.map((c) => c.cell(row, say)));
    const name = `${t(`exchange.entity.${list}`)}-${today(ctx)}`;
    if (input.format === 'xlsx') {
      const rows = values.map((row) => row.map((value) => viewSheetCell(value, say)));
      const content = await writeWorkbook([{ name: t(`exchange.entity.${list}`), columns: header, rows }]);
      return { fileName: `${name}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
    }
    const rows = values.map((row) => row.map((value) => viewText(value, say)));
    return { fileName: `${name}.csv`, mimeType: 'text/csv;charset=utf-8', contentBase64: Buffer.from(csvOfRows(header, rows)).toString('base64') };
  },
};

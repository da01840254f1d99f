import { z } from './zod-messages.ts';
import { agreementList } from './agreements.ts';
import { commitmentList } from './commitments.ts';
import { contactList } from './contacts.ts';
import { localityPage } from './localities.ts';
import { taskList } from './tasks.ts';
import { visitList } from './visits.ts';
import { columnIds } from '../lists/columns.ts';

export const VIEW_FORMATS = ['xlsx', 'csv'] as const;

/** The query of the view without its page: the export has every row the filters leave, in the view's order. */
const page = { offset: true, limit: true } as const;

const view = <L extends string, Q extends z.ZodType, C extends [string, ...string[]]>(list: L, query: Q, columns: C) =>
  z
    .object({
      list: z.literal(list),
      query,
      /** The columns shown, in their order: the file has exactly these. */
      columns: z.array(z.enum(columns)).min(1).max(columns.length),
      format: z.enum(VIEW_FORMATS),
    })
    .strict();

/** "Export this view": one list screen's filtered, sorted rows as XLSX or CSV in the office's language. */
export const viewExport = z.discriminatedUnion('list', [
  view('agreements', agreementList.omit(page), columnIds('agreements')),
  view('visits', visitList.omit(page), columnIds('visits')),
  view('commitments', commitmentList.omit(page), columnIds('commitments')),
  view('contacts', contactList.omit(page), columnIds('contacts')),
  view('localities', localityPage.omit(page), columnIds('localities')),
  view('tasks', taskList.omit(page), columnIds('tasks')),
]);
export type ViewExportInput = z.input<typeof viewExport>;

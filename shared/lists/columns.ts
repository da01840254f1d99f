// The columns of each list screen, in the order shown: the screen's headers and the
// "Export this view" file are built from the same definitions, so the file has exactly
// the columns the officer sees, under the same (translated) names. `sort` names the
// server's sort key when the column sorts (see the list's *_SORTS in shared/contract).

import { AGREEMENT_SORTS } from '../contract/agreements.ts';
import { COMMITMENT_SORTS } from '../contract/commitments.ts';
import { CONTACT_SORTS } from '../contract/contacts.ts';
import { LOCALITY_SORTS } from '../contract/localities.ts';
import { TASK_SORTS } from '../contract/tasks.ts';
import { VISIT_SORTS } from '../contract/visits.ts';

export type ListColumn<S extends string = string, I extends string = string> = { id: I; label: string; sort?: S };

/**
 * A list's columns from their ids, in the order shown. Each is labelled by its field's key,
 * `labels.id` unless `relabel` names another, and sorts by the server's sort key of the same
 * name when the list has one (`sorts`, the list's *_SORTS); without one it does not sort.
 */
function columns<S extends string, const I extends string>(
  sorts: readonly S[],
  labels: string,
  ids: readonly I[],
  relabel: Partial<Record<I, string>> = {},
): readonly ListColumn<S, I>[] {
  return ids.map((id) => {
    const name: string = id;
    const sort = sorts.find((s) => s === name);
    return { id, label: relabel[id] ?? `${labels}.${id}`, ...(sort === undefined ? {} : { sort }) };
  });
}

export const LIST_COLUMNS = {
  agreements: columns(AGREEMENT_SORTS, 'fields', ['partner', 'country', 'kind', 'stage', 'signedOn']),
  visits: columns(VISIT_SORTS, 'visits.fields', ['startsOn', 'purpose', 'place', 'direction', 'status'], { place: 'visits.fields.localityId' }),
  commitments: columns(COMMITMENT_SORTS, 'commitments.fields', ['partner', 'description', 'direction', 'delivered', 'value', 'dueOn', 'status']),
  contacts: columns(CONTACT_SORTS, 'contacts.fields', ['name', 'title', 'organisation', 'email']),
  localities: columns(LOCALITY_SORTS, 'fields', ['name', 'nativeName', 'country', 'level', 'parent'], { parent: 'fields.parentId' }),
  // Tasks sort by due day, priority and title; who, state and record are shown, not sorted on.
  tasks: columns(TASK_SORTS, 'tasks.fields', ['title', 'dueOn', 'priority', 'assignee', 'status', 'link']),
};

export type ListName = keyof typeof LIST_COLUMNS;
export const LIST_NAMES = Object.keys(LIST_COLUMNS) as ListName[];
export type ColumnId<L extends ListName> = (typeof LIST_COLUMNS)[L][number]['id'];
export const columnIds = <L extends ListName>(list: L) => LIST_COLUMNS[list].map((c) => c.id) as [ColumnId<L>, ...ColumnId<L>[]];

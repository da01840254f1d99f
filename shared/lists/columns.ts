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

export type ListColumn<S extends string = string> = { id: string; label: string; sort?: S };

const columns =
  <S extends string>(_sorts: readonly S[]) =>
  <const C extends readonly ListColumn<S>[]>(c: C) =>
    c;

export const LIST_COLUMNS = {
  agreements: columns(AGREEMENT_SORTS)([
    { id: 'partner', label: 'fields.partner', sort: 'partner' },
    { id: 'country', label: 'fields.country', sort: 'country' },
    { id: 'kind', label: 'fields.kind', sort: 'kind' },
    { id: 'stage', label: 'fields.stage', sort: 'stage' },
    { id: 'signedOn', label: 'fields.signedOn', sort: 'signedOn' },
  ]),
  visits: columns(VISIT_SORTS)([
    { id: 'startsOn', label: 'visits.fields.startsOn', sort: 'startsOn' },
    { id: 'purpose', label: 'visits.fields.purpose', sort: 'purpose' },
    { id: 'place', label: 'visits.fields.localityId', sort: 'place' },
    { id: 'direction', label: 'visits.fields.direction', sort: 'direction' },
    { id: 'status', label: 'visits.fields.status', sort: 'status' },
  ]),
  commitments: columns(COMMITMENT_SORTS)([
    { id: 'partner', label: 'commitments.fields.partner', sort: 'partner' },
    { id: 'description', label: 'commitments.fields.description', sort: 'description' },
    { id: 'direction', label: 'commitments.fields.direction', sort: 'direction' },
    { id: 'delivered', label: 'commitments.fields.delivered', sort: 'delivered' },
    { id: 'value', label: 'commitments.fields.value', sort: 'value' },
    { id: 'dueOn', label: 'commitments.fields.dueOn', sort: 'dueOn' },
    { id: 'status', label: 'commitments.fields.status', sort: 'status' },
  ]),
  contacts: columns(CONTACT_SORTS)([
    { id: 'name', label: 'contacts.fields.name', sort: 'name' },
    { id: 'title', label: 'contacts.fields.title', sort: 'title' },
    { id: 'organisation', label: 'contacts.fields.organisation', sort: 'organisation' },
    { id: 'email', label: 'contacts.fields.email', sort: 'email' },
  ]),
  localities: columns(LOCALITY_SORTS)([
    { id: 'name', label: 'fields.name', sort: 'name' },
    { id: 'nativeName', label: 'fields.nativeName', sort: 'nativeName' },
    { id: 'country', label: 'fields.country', sort: 'country' },
    { id: 'level', label: 'fields.level', sort: 'level' },
    { id: 'parent', label: 'fields.parentId', sort: 'parent' },
  ]),
  tasks: columns(TASK_SORTS)([
    { id: 'title', label: 'tasks.fields.title', sort: 'title' },
    { id: 'dueOn', label: 'tasks.fields.dueOn', sort: 'dueOn' },
    { id: 'priority', label: 'tasks.fields.priority', sort: 'priority' },
    { id: 'assignee', label: 'tasks.fields.assignee' },
    { id: 'status', label: 'tasks.fields.status' },
    { id: 'link', label: 'tasks.fields.link' },
  ]),
} as const;

export type ListName = keyof typeof LIST_COLUMNS;
export const LIST_NAMES = Object.keys(LIST_COLUMNS) as ListName[];
export type ColumnId<L extends ListName> = (typeof LIST_COLUMNS)[L][number]['id'];
export const columnIds = <L extends ListName>(list: L) => LIST_COLUMNS[list].map((c) => c.id) as [ColumnId<L>, ...ColumnId<L>[]];

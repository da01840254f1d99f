// What each call reads and writes, in the office's terms, so that after a write the screen
// refetches only the reads it can have changed (renderer/src/api.ts), not every query it holds.
// Declared per call family (the part of the name before the dot) and refined per call where a call
// reads or writes more than its family; test/unit/invalidation.test.ts checks the map against a
// real data file: every read whose answer a write changes is invalidated by that write.
//
// A call this map does not know is treated as touching everything, so a new call is never stale,
// only refetched more often than it needs to be until it is declared here.

import type { CallName } from './index.ts';

export const DOMAINS = [
  'settings',
  'areas',
  'localities',
  'agreements',
  'contacts',
  'visits',
  'tasks',
  'commitments',
  'attachments',
  'events',
  'reportAssets',
  'backups',
  'users',
] as const;
export type Domain = (typeof DOMAINS)[number];

const ALL = DOMAINS;
/** Names and places are shown inside nearly every other record (a partner's name in an agreement row…). */
const NAMED = ['localities', 'settings'] as const;

/** What a read's answer depends on. */
const READS: Record<string, readonly Domain[]> = {
  'app.info': ['settings'],
  'settings.get': ['settings', 'localities'],
  'areas.list': ['areas'],
  localities: ['localities'],
  'agreements.history': ['agreements'],
  agreements: ['agreements', 'areas', ...NAMED],
  contacts: ['contacts', 'visits', 'localities'],
  visits: ['visits', 'contacts', 'agreements', 'tasks', ...NAMED],
  // A task's line names what it is linked to (an agreement, a visit, a commitment), and "mine" is the settings' user.
  tasks: ['tasks', 'agreements', 'visits', 'commitments', ...NAMED],
  commitments: ['commitments', 'agreements', 'areas', ...NAMED],
  attachments: ['attachments'],
  'calendar.entries': ['visits', 'tasks', 'agreements', 'commitments', 'events', ...NAMED],
  officeEvents: ['events', 'agreements', ...NAMED],
  // Home's figures and the reports' previews count across the whole office.
  home: ['agreements', 'visits', 'tasks', 'commitments', 'events', 'areas', ...NAMED],
  'reports.preview': ALL,
  'reports.assets': ['reportAssets'],
  backups: ['backups', 'settings'],
  'export.tables': ALL,
  // The gazetteer is bundled; what the office already has is suggested beside it.
  'places.suggest': ['localities'],
  // Pins coloured by their agreements' stage, lines from the office's own city.
  'places.partners': ['localities', 'agreements', 'settings'],
  // A partner's whole story: every record dated or hung from it.
  partners: ['agreements', 'visits', 'contacts', 'tasks', 'commitments', 'attachments', 'events', 'areas', ...NAMED],
  // Every kind of record is found by its names; an agreement's hit says whether it is in force.
  search: ['localities', 'agreements', 'contacts', 'visits', 'commitments', 'tasks', 'settings'],
  'me.get': ['users', 'settings'],
  'users.list': ['users'],
};

/** What a write changes. Undo, import, restore and the sample data can change anything. */
const WRITES: Record<string, readonly Domain[]> = {
  'settings.update': ['settings'],
  'sample.load': ALL,
  'sample.remove': ALL,
  // The set-up and Settings' office section may create the own city.
  'setup.complete': ['settings', 'localities'],
  'settings.office': ['settings', 'localities'],
  'me.update': ['users', 'settings'],
  users: ['users'],
  // Asking the system, not the data: a folder shown or chosen, another server probed, a job stopped.
  'app.openLogFolder': [],
  'app.chooseFolder': [],
  'desktop.probeServer': [],
  'jobs.cancel': [],
  'app.moveDataFile': ALL,
  'areas.create': ['areas'],
  localities: ['localities'],
  // Deleting an agreement takes its commitments, tasks, visit links and attachments with it.
  'agreements.delete': ['agreements', 'commitments', 'tasks', 'visits', 'attachments'],
  agreements: ['agreements'],
  'reports.setAsset': ['reportAssets'],
  'reports.removeAsset': ['reportAssets'],
  'reports.generate': [],
  'reports.open': [],
  // A deleted contact leaves the visits they took part in.
  'contacts.delete': ['contacts', 'visits'],
  contacts: ['contacts'],
  // A visit's form creates new participants as contacts; deleting one unlinks its tasks and outcomes.
  visits: ['visits', 'contacts', 'tasks'],
  tasks: ['tasks'],
  commitments: ['commitments'],
  'attachments.add': ['attachments'],
  'attachments.remove': ['attachments'],
  'attachments.open': [],
  officeEvents: ['events'],
  'backups.now': ['backups'],
  'backups.setFolder': ['backups'],
  'backups.restore': ALL,
  'import.commit': ALL,
  'undo.apply': ALL,
  // Reads that screens start imperatively: they change nothing.
  'export.file': [],
  'export.view': [],
  'import.preview': [],
  'calendar.exportIcs': [],
  'calendar.visitIcs': [],
};

const lookup = (map: Record<string, readonly Domain[]>, name: string): readonly Domain[] | undefined => map[name] ?? map[name.slice(0, name.indexOf('.'))];

/** The domains a read depends on; everything when the read is not declared. */
export const readsOf = (name: string): readonly Domain[] => lookup(READS, name) ?? ALL;
/** The domains a write changes; everything when the write is not declared. */
export const writesOf = (name: CallName | string): readonly Domain[] => lookup(WRITES, name) ?? ALL;

/** True when the answer of `read` may have changed after a successful `write`. */
export function invalidates(write: string, read: string): boolean {
  const written = writesOf(write);
  return written.length > 0 && readsOf(read).some((d) => written.includes(d));
}

import type { Migration } from './migration.ts';
import m0001 from './0001-localities-agreements.ts';
import m0002 from './0002-contacts-visits-tasks.ts';
import m0003 from './0003-commitments-attachments.ts';
import m0004 from './0004-office-events.ts';
import m0005 from './0005-task-commitment-links.ts';
import m0006 from './0006-delivered-quantity-recomputed.ts';
import m0007 from './0007-activity-date-indexes.ts';
import m0008 from './0008-attachment-names-cleaned.ts';
import m0009 from './0009-users.ts';
import m0010 from './0010-search-keys-pinyin.ts';

// Listed, not read from disk: the bundled main process has no migrations folder.
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];
export type { Migration };

// What other features use of the audit trail: version checks, archiving, and a record's history.
export { archiveRecord, checkVersion, refuseIfUsed } from './records.ts';
export { auditHistory } from './history.ts';

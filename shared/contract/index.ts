import { z } from './zod-messages.ts';
import { dataFileMove, type DataFileMoved, type LogFolder } from './desktop.ts';
import { id } from './common.ts';
import {
  agreementCreate,
  agreementList,
  agreementSimilar,
  agreementStageChange,
  agreementUpdate,
  type Agreement,
  type AgreementList,
  type AgreementRow,
  type AuditEntry,
} from './agreements.ts';
import { attachmentAdd, attachmentLink, attachmentList, type AttachmentOpen, type AttachmentRow } from './attachments.ts';
import {
  commitmentCancel,
  commitmentCreate,
  commitmentList,
  commitmentReopen,
  commitmentTotals,
  commitmentUpdate,
  deliveryCreate,
  deliveryRemove,
  deliveryUpdate,
  type Commitment,
  type CommitmentList,
  type TotalsRow,
} from './commitments.ts';
import {
  calendarQuery,
  officeEventCreate,
  officeEventMove,
  officeEventRef,
  officeEventUpdate,
  type CalendarEntry,
  type IcsFile,
  type OfficeEvent,
} from './calendar.ts';
import { localityCreate, localityList, localitySimilar, localityUpdate, type Locality } from './localities.ts';
import {
  reportAssetRemove,
  reportAssetSet,
  reportGenerate,
  reportOpen,
  reportRequest,
  type ReportAssets,
  type ReportFile,
  type ReportPreview,
} from './reports.ts';
import { contactCreate, contactList, contactSimilar, contactUpdate, type Contact, type ContactList, type SimilarContact } from './contacts.ts';
import { taskCreate, taskList, taskSetStatus, taskUpdate, type Task, type TaskList } from './tasks.ts';
import { outcomeToTask, visitCreate, visitList, visitUpdate, type Visit, type VisitList } from './visits.ts';
import { backupFolder, backupRestore, type BackupInfo, type BackupStatus, type RestoreResult } from './backups.ts';
import type { HomeSummary } from './home.ts';
import { exportRequest, type ExportedFile, type ExportTables } from './exchange.ts';
import { importCommit, importPreview, type ImportPreview, type ImportResult } from './imports.ts';
import { areaCreate, settingsUpdate, type AppInfo, type SettingsView, type ThematicArea } from './settings.ts';
import { undoRequest, type UndoResult } from './undo.ts';
import { jobRef, type JobProgress } from './jobs.ts';
import { ownPreferences, passwordReset, userCreate, userUpdate, type Me, type Role, type UserRow } from './users.ts';
import { searchGlobal, searchPick, type PickPage, type SearchResults } from './search.ts';

type CallDef<I extends z.ZodType, O> = { input: I; role: Role; output?: O };
/**
 * Declares a call: its input schema and the least role that may make it (the dispatcher refuses
 * anyone below), its result type as a type argument. A reader sees everything and makes reports;
 * an editor changes records; an admin also runs users, office-wide settings, backups and imports.
 */
const call =
  <O>() =>
  <I extends z.ZodType>(input: I, role: Role): CallDef<I, O> => ({ input, role });

const none = z.object({}).strict();
const byId = z.object({ id }).strict();
const archiveInput = z.object({ id }).strict();

// Every call the renderer may make. The main process and the web server
// validate each input against these schemas before any handler runs.
export const contract = {
  'app.info': call<AppInfo>()(none, 'reader'),
  'settings.get': call<SettingsView>()(none, 'reader'),
  'settings.update': call<SettingsView>()(settingsUpdate.strict(), 'admin'),
  'sample.load': call<{ agreements: number; localities: number }>()(none, 'admin'),
  'app.openLogFolder': call<LogFolder>()(none, 'admin'),
  'app.moveDataFile': call<DataFileMoved>()(dataFileMove, 'admin'),

  'areas.list': call<ThematicArea[]>()(none, 'reader'),
  'areas.create': call<ThematicArea>()(areaCreate.strict(), 'editor'),

  'localities.list': call<Locality[]>()(localityList, 'reader'),
  'localities.get': call<Locality>()(byId, 'reader'),
  'localities.create': call<Locality>()(localityCreate, 'editor'),
  'localities.update': call<Locality>()(localityUpdate, 'editor'),
  'localities.similar': call<Locality[]>()(localitySimilar, 'reader'),
  'localities.archive': call<Locality>()(archiveInput, 'editor'),
  'localities.restore': call<Locality>()(archiveInput, 'editor'),

  'agreements.list': call<AgreementList>()(agreementList, 'reader'),
  'agreements.get': call<Agreement>()(byId, 'reader'),
  'agreements.create': call<Agreement>()(agreementCreate, 'editor'),
  'agreements.update': call<Agreement>()(agreementUpdate, 'editor'),
  'agreements.changeStage': call<Agreement>()(agreementStageChange, 'editor'),
  'agreements.similar': call<AgreementRow[]>()(agreementSimilar, 'reader'),
  'agreements.archive': call<Agreement>()(archiveInput, 'editor'),
  'agreements.restore': call<Agreement>()(archiveInput, 'editor'),
  'agreements.history': call<AuditEntry[]>()(byId, 'reader'),

  'reports.preview': call<ReportPreview>()(reportRequest, 'reader'),
  'reports.generate': call<ReportFile>()(reportGenerate, 'reader'),
  'reports.open': call<{ opened: boolean }>()(reportOpen, 'reader'),
  'reports.assets': call<ReportAssets>()(none, 'reader'),
  'reports.setAsset': call<ReportAssets>()(reportAssetSet, 'admin'),
  'reports.removeAsset': call<ReportAssets>()(reportAssetRemove, 'admin'),
  'contacts.list': call<ContactList>()(contactList, 'reader'),
  'contacts.get': call<Contact>()(byId, 'reader'),
  'contacts.similar': call<SimilarContact[]>()(contactSimilar, 'reader'),
  'contacts.create': call<Contact>()(contactCreate, 'editor'),
  'contacts.update': call<Contact>()(contactUpdate, 'editor'),
  'contacts.archive': call<Contact>()(archiveInput, 'editor'),
  'contacts.restore': call<Contact>()(archiveInput, 'editor'),
  'contacts.delete': call<{ id: number }>()(byId, 'editor'),

  'visits.list': call<VisitList>()(visitList, 'reader'),
  'visits.get': call<Visit>()(byId, 'reader'),
  'visits.create': call<Visit>()(visitCreate, 'editor'),
  'visits.update': call<Visit>()(visitUpdate, 'editor'),
  'visits.outcomeToTask': call<Task>()(outcomeToTask, 'editor'),
  'visits.archive': call<Visit>()(archiveInput, 'editor'),
  'visits.restore': call<Visit>()(archiveInput, 'editor'),
  'visits.delete': call<{ id: number }>()(byId, 'editor'),

  'tasks.list': call<TaskList>()(taskList, 'reader'),
  'tasks.get': call<Task>()(byId, 'reader'),
  'tasks.create': call<Task>()(taskCreate, 'editor'),
  'tasks.update': call<Task>()(taskUpdate, 'editor'),
  'tasks.setStatus': call<Task>()(taskSetStatus, 'editor'),
  'tasks.delete': call<{ id: number }>()(byId, 'editor'),
  'home.summary': call<HomeSummary>()(none, 'reader'),
  'agreements.delete': call<{ id: number }>()(byId, 'editor'),
  'backups.list': call<BackupStatus>()(none, 'admin'),
  'backups.now': call<BackupInfo>()(none, 'admin'),
  'backups.restore': call<RestoreResult>()(backupRestore, 'admin'),
  'backups.setFolder': call<BackupStatus>()(backupFolder, 'admin'),
  'export.tables': call<ExportTables>()(none, 'reader'),
  'export.file': call<ExportedFile>()(exportRequest, 'reader'),
  'import.preview': call<ImportPreview>()(importPreview, 'admin'),
  'import.commit': call<ImportResult>()(importCommit, 'admin'),
  'commitments.list': call<CommitmentList>()(commitmentList, 'reader'),
  'commitments.get': call<Commitment>()(byId, 'reader'),
  'commitments.create': call<Commitment>()(commitmentCreate, 'editor'),
  'commitments.update': call<Commitment>()(commitmentUpdate, 'editor'),
  'commitments.cancel': call<Commitment>()(commitmentCancel, 'editor'),
  'commitments.reopen': call<Commitment>()(commitmentReopen, 'editor'),
  'commitments.history': call<AuditEntry[]>()(byId, 'reader'),
  'commitments.totals': call<TotalsRow[]>()(commitmentTotals, 'reader'),
  'commitments.addDelivery': call<Commitment>()(deliveryCreate, 'editor'),
  'commitments.updateDelivery': call<Commitment>()(deliveryUpdate, 'editor'),
  'commitments.removeDelivery': call<Commitment>()(deliveryRemove, 'editor'),

  'attachments.list': call<AttachmentRow[]>()(attachmentList, 'reader'),
  'attachments.add': call<AttachmentRow>()(attachmentAdd, 'editor'),
  'attachments.remove': call<{ removed: true; fileDeleted: boolean }>()(attachmentLink, 'editor'),
  'attachments.open': call<AttachmentOpen>()(attachmentLink, 'reader'),
  'calendar.entries': call<CalendarEntry[]>()(calendarQuery, 'reader'),
  'calendar.exportIcs': call<IcsFile>()(calendarQuery, 'reader'),
  'calendar.visitIcs': call<IcsFile>()(byId, 'reader'),
  'officeEvents.get': call<OfficeEvent>()(officeEventRef, 'reader'),
  'officeEvents.create': call<OfficeEvent>()(officeEventCreate, 'editor'),
  'officeEvents.update': call<OfficeEvent>()(officeEventUpdate, 'editor'),
  'officeEvents.move': call<OfficeEvent>()(officeEventMove, 'editor'),
  'officeEvents.delete': call<OfficeEvent>()(officeEventRef, 'editor'),
  'undo.apply': call<UndoResult>()(undoRequest, 'editor'),
  'jobs.progress': call<JobProgress>()(jobRef, 'reader'),
  'jobs.cancel': call<{ cancelled: boolean }>()(jobRef, 'reader'),

  'me.get': call<Me>()(none, 'reader'),
  'me.update': call<Me>()(ownPreferences, 'reader'),
  'users.list': call<UserRow[]>()(none, 'admin'),
  'users.create': call<UserRow>()(userCreate, 'admin'),
  'users.update': call<UserRow>()(userUpdate, 'admin'),
  'users.resetPassword': call<UserRow>()(passwordReset, 'admin'),
  'search.global': call<SearchResults>()(searchGlobal, 'reader'),
  'search.pick': call<PickPage>()(searchPick, 'reader'),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallParsed<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Contract[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}

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

type CallDef<I extends z.ZodType, O> = { input: I; output?: O };
/** Declares a call: its input schema now, its result type as a type argument. */
const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallDef<I, O> => ({ input });

const none = z.object({}).strict();
const byId = z.object({ id }).strict();
const archiveInput = z.object({ id }).strict();

// Every call the renderer may make. The main process and the web server
// validate each input against these schemas before any handler runs.
export const contract = {
  'app.info': call<AppInfo>()(none),
  'settings.get': call<SettingsView>()(none),
  'settings.update': call<SettingsView>()(settingsUpdate.strict()),
  'sample.load': call<{ agreements: number; localities: number }>()(none),
  'app.openLogFolder': call<LogFolder>()(none),
  'app.moveDataFile': call<DataFileMoved>()(dataFileMove),

  'areas.list': call<ThematicArea[]>()(none),
  'areas.create': call<ThematicArea>()(areaCreate.strict()),

  'localities.list': call<Locality[]>()(localityList),
  'localities.get': call<Locality>()(byId),
  'localities.create': call<Locality>()(localityCreate),
  'localities.update': call<Locality>()(localityUpdate),
  'localities.similar': call<Locality[]>()(localitySimilar),
  'localities.archive': call<Locality>()(archiveInput),
  'localities.restore': call<Locality>()(archiveInput),

  'agreements.list': call<AgreementList>()(agreementList),
  'agreements.get': call<Agreement>()(byId),
  'agreements.create': call<Agreement>()(agreementCreate),
  'agreements.update': call<Agreement>()(agreementUpdate),
  'agreements.changeStage': call<Agreement>()(agreementStageChange),
  'agreements.similar': call<AgreementRow[]>()(agreementSimilar),
  'agreements.archive': call<Agreement>()(archiveInput),
  'agreements.restore': call<Agreement>()(archiveInput),
  'agreements.history': call<AuditEntry[]>()(byId),

  'reports.preview': call<ReportPreview>()(reportRequest),
  'reports.generate': call<ReportFile>()(reportGenerate),
  'reports.open': call<{ opened: boolean }>()(reportOpen),
  'reports.assets': call<ReportAssets>()(none),
  'reports.setAsset': call<ReportAssets>()(reportAssetSet),
  'reports.removeAsset': call<ReportAssets>()(reportAssetRemove),
  'contacts.list': call<ContactList>()(contactList),
  'contacts.get': call<Contact>()(byId),
  'contacts.similar': call<SimilarContact[]>()(contactSimilar),
  'contacts.create': call<Contact>()(contactCreate),
  'contacts.update': call<Contact>()(contactUpdate),
  'contacts.archive': call<Contact>()(archiveInput),
  'contacts.restore': call<Contact>()(archiveInput),
  'contacts.delete': call<{ id: number }>()(byId),

  'visits.list': call<VisitList>()(visitList),
  'visits.get': call<Visit>()(byId),
  'visits.create': call<Visit>()(visitCreate),
  'visits.update': call<Visit>()(visitUpdate),
  'visits.outcomeToTask': call<Task>()(outcomeToTask),
  'visits.archive': call<Visit>()(archiveInput),
  'visits.restore': call<Visit>()(archiveInput),
  'visits.delete': call<{ id: number }>()(byId),

  'tasks.list': call<TaskList>()(taskList),
  'tasks.get': call<Task>()(byId),
  'tasks.create': call<Task>()(taskCreate),
  'tasks.update': call<Task>()(taskUpdate),
  'tasks.setStatus': call<Task>()(taskSetStatus),
  'tasks.delete': call<{ id: number }>()(byId),
  'home.summary': call<HomeSummary>()(none),
  'agreements.delete': call<{ id: number }>()(byId),
  'backups.list': call<BackupStatus>()(none),
  'backups.now': call<BackupInfo>()(none),
  'backups.restore': call<RestoreResult>()(backupRestore),
  'backups.setFolder': call<BackupStatus>()(backupFolder),
  'export.tables': call<ExportTables>()(none),
  'export.file': call<ExportedFile>()(exportRequest),
  'import.preview': call<ImportPreview>()(importPreview),
  'import.commit': call<ImportResult>()(importCommit),
  'commitments.list': call<CommitmentList>()(commitmentList),
  'commitments.get': call<Commitment>()(byId),
  'commitments.create': call<Commitment>()(commitmentCreate),
  'commitments.update': call<Commitment>()(commitmentUpdate),
  'commitments.cancel': call<Commitment>()(commitmentCancel),
  'commitments.reopen': call<Commitment>()(commitmentReopen),
  'commitments.history': call<AuditEntry[]>()(byId),
  'commitments.totals': call<TotalsRow[]>()(commitmentTotals),
  'commitments.addDelivery': call<Commitment>()(deliveryCreate),
  'commitments.updateDelivery': call<Commitment>()(deliveryUpdate),
  'commitments.removeDelivery': call<Commitment>()(deliveryRemove),

  'attachments.list': call<AttachmentRow[]>()(attachmentList),
  'attachments.add': call<AttachmentRow>()(attachmentAdd),
  'attachments.remove': call<{ removed: true; fileDeleted: boolean }>()(attachmentLink),
  'attachments.open': call<AttachmentOpen>()(attachmentLink),
  'calendar.entries': call<CalendarEntry[]>()(calendarQuery),
  'calendar.exportIcs': call<IcsFile>()(calendarQuery),
  'calendar.visitIcs': call<IcsFile>()(byId),
  'officeEvents.get': call<OfficeEvent>()(officeEventRef),
  'officeEvents.create': call<OfficeEvent>()(officeEventCreate),
  'officeEvents.update': call<OfficeEvent>()(officeEventUpdate),
  'officeEvents.move': call<OfficeEvent>()(officeEventMove),
  'officeEvents.delete': call<OfficeEvent>()(officeEventRef),
  'undo.apply': call<UndoResult>()(undoRequest),
  'jobs.progress': call<JobProgress>()(jobRef),
  'jobs.cancel': call<{ cancelled: boolean }>()(jobRef),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallParsed<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Contract[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}

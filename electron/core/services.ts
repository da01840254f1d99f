import { contract, isCallName, type CallName, type CallOutput, type CallInput } from '../../shared/contract/index.ts';
import type { Result } from '../../shared/contract/result.ts';
import { present } from '../../shared/narrow.ts';
import type { Ctx, FileLifecycle, Host } from './app/context.ts';
import { toAppError, validationError } from './app/errors.ts';
import { registerHandlers, type Handler, type Handlers } from './app/handlers.ts';
import { readOnlyAudit } from './app/mutation.ts';
import { backupIfDue } from './backup/service.ts';
import { openDatabase, type OpenedDatabase } from './db/open.ts';
import { logCall, type Logger } from './log/logger.ts';
import { APP_VERSION } from './features/settings/app.ts';
import { agreementHandlers } from './features/agreements/app.ts';
import { contactHandlers } from './features/contacts/app.ts';
import { agreementDeleteHandlers } from './features/agreements/delete.ts';
import { homeHandlers } from './features/home/app.ts';
import { taskHandlers } from './features/tasks/app.ts';
import { visitHandlers } from './features/visits/app.ts';
import { backupHandlers } from './features/backups/app.ts';
import { exchangeHandlers } from './features/exchange/app.ts';
import { areaHandlers } from './features/areas/app.ts';
import { attachmentHandlers } from './features/attachments/app.ts';
import { commitmentHandlers } from './features/commitments/app.ts';
import { calendarHandlers } from './features/calendar/app.ts';
import { localityHandlers } from './features/localities/app.ts';
import { reportHandlers } from './features/reports/app.ts';
import { sampleHandlers } from './features/sample/app.ts';
import { settingsHandlers } from './features/settings/app.ts';
import { setupHandlers } from './features/setup/app.ts';
import { undoHandlers } from './features/undo/app.ts';
import { jobHandlers } from './features/jobs/app.ts';
import { partnerHandlers } from './features/partners/app.ts';
import { placeHandlers } from './features/places/app.ts';
import { listHandlers } from './features/lists/app.ts';
import { CANCELLED, noJob, type JobControl } from './app/job.ts';
import { createJobRegistry, type JobRegistry } from './jobs/registry.ts';
import { desktopHandlers } from './features/desktop/app.ts';
import { userHandlers } from './features/users/app.ts';
import { recordAccess } from './features/users/access-log.ts';
import { LOCAL_ACTOR, roleAllows, type Actor } from '../../shared/contract/users.ts';
import { searchHandlers } from './features/search/app.ts';
import { codeOf } from './app/error-info.ts';
import { explainStale } from './features/audit/stale.ts';

// Each feature declares the calls it answers: one registry, refusing a call answered twice;
// its type makes a call nobody answers a compile error.
export const FEATURE_HANDLERS = [
  settingsHandlers,
  sampleHandlers,
  setupHandlers,
  areaHandlers,
  localityHandlers,
  agreementHandlers,
  reportHandlers,
  contactHandlers,
  visitHandlers,
  taskHandlers,
  homeHandlers,
  agreementDeleteHandlers,
  backupHandlers,
  exchangeHandlers,
  commitmentHandlers,
  attachmentHandlers,
  calendarHandlers,
  undoHandlers,
  jobHandlers,
  desktopHandlers,
  userHandlers,
  partnerHandlers,
  placeHandlers,
  searchHandlers,
  listHandlers,
] as const;
const handlers: Handlers<CallName> = registerHandlers(FEATURE_HANDLERS);

/** A long job's handle: the id the screen asks about it by, or (in a job worker) the protocol's own. */
export type DispatchOptions = {
  jobId?: string | undefined;
  job?: JobControl | undefined;
  /** Who calls: the office server's signed-in user; absent, the local admin (desktop, CLI, tests). */
  actor?: Actor | undefined;
  /** The caller's network address, for the audit row of a refusal (office server only). */
  address?: string | undefined;
};

export type Services = {
  opened: OpenedDatabase;
  /** The long jobs running in this process (progress, cancel). */
  jobs: JobRegistry;
  /** The app's log, when it keeps one: the job worker's calls are logged here too. */
  logger?: Logger | undefined;
  /** The one entry point for IPC, HTTP, the CLI and tests: validates, runs, returns data. */
  dispatch(name: string, input: unknown, options?: DispatchOptions): Promise<Result<unknown>>;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  close: () => Promise<void>;
};

export type ServiceOptions = {
  now?: () => Date;
  log?: (e: unknown) => void;
  /** The app (desktop and web) backs up at start-up when the last backup is over a day old; tests and the CLI do not. */
  autoBackup?: boolean;
  /** Run SQLite's quick_check before use (the app always does, at start-up): a damaged file is refused, not used. */
  verify?: boolean;
  openPath?: (file: string) => Promise<string>;
  showInFolder?: (file: string) => void;
  /** The desktop shell's save dialog, for reports. */
  host?: Host;
  /** The app's log file (desktop and web); tests and the CLI log nothing. */
  logger?: Logger;
};

export async function createServices(dbPath: string, options: ServiceOptions = {}): Promise<Services> {
  const now = options.now ?? (() => new Date());
  const { logger } = options;
  const log = options.log ?? (logger ? (error: unknown) => logger.error('unexpected error', error) : undefined);
  let opened = await openDatabase(dbPath, { now, verify: options.verify ?? options.autoBackup === true });
  logger?.info('start', {
    appVersion: APP_VERSION,
    schemaVersion: opened.schemaVersion,
    file: opened.path,
    platform: process.platform,
    node: process.versions.node,
  });
  if (opened.preMigrationCopy) logger?.info('migrated', { schemaVersion: opened.schemaVersion, copyFirst: opened.preMigrationCopy });
  const file: FileLifecycle = {
    startupBackup: { file: null, error: null },
    async replace(run) {
      await opened.close();
      try {
        await run(opened.path);
      } finally {
        // Reopened whatever happened, so the app goes on with the file as it now is.
        opened = await openDatabase(opened.path, { now });
        ctx.db = opened.db;
        ctx.opened = opened;
      }
    },
  };
  const jobs = createJobRegistry();
  const ctx: Ctx = {
    db: opened.db,
    opened,
    now,
    audit: readOnlyAudit,
    file,
    openPath: options.openPath,
    showInFolder: options.showInFolder,
    host: options.host,
    logger,
    job: noJob(),
    jobs,
    actor: LOCAL_ACTOR,
  };
  if (options.autoBackup) await startupBackup(opened, file, now(), log, logger);

  async function dispatch(name: string, input: unknown, { jobId, job, actor = LOCAL_ACTOR, address }: DispatchOptions = {}): Promise<Result<unknown>> {
    if (!isCallName(name)) return { ok: false, error: { kind: 'internal', message: 'errors.unknown_call' } };
    // Roles are enforced here, for every entry point, before the input is even read.
    const needed = contract[name].role;
    if (!roleAllows(actor.role, needed)) {
      await recordAccess(ctx.db, { action: 'refuse', reason: 'role', call: name, user: { id: actor.userId, name: actor.name }, address }, now()).catch(
        (error: unknown) => (log ?? console.error)(error),
      );
      return { ok: false, error: { kind: 'forbidden', message: `access.errors.needs_${needed}` } };
    }
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    const running = job ? null : jobs.start(jobId);
    const control = job ?? present(running, 'a job started when none was given').control;
    const started = performance.now();
    let result: Result<unknown>;
    try {
      const handler = handlers[name] as Handler<CallName>;
      result = { ok: true, value: await handler(parsed.data, { ...ctx, job: control, actor }) };
    } catch (error) {
      // Whatever a cancelled job threw on its way out (a rollback, a closed stream), it was cancelled.
      result = { ok: false, error: control.signal.aborted ? CANCELLED.error : toAppError(error, log) };
    } finally {
      running?.finish();
    }
    // A save refused by the version check names who changed the record since, and when.
    if (!result.ok && result.error.kind === 'conflict') {
      const refused = result.error;
      result = { ok: false, error: await explainStale(ctx.db, name, parsed.data, refused).catch(() => refused) };
    }
    if (logger) logCall(logger, name, parsed.data, result, performance.now() - started);
    return result;
  }

  return {
    get opened() {
      return opened;
    },
    jobs,
    logger,
    dispatch,
    call: (name, input) => dispatch(name, input) as never,
    close: () => opened.close(),
  };
}

/** A failed start-up backup must not stop the app: it is reported in Settings instead. */
async function startupBackup(opened: OpenedDatabase, file: FileLifecycle, now: Date, log: (e: unknown) => void = console.error, logger?: Logger) {
  try {
    const copy = await backupIfDue(opened.sqlite, opened.path, now);
    file.startupBackup.file = copy?.file ?? null;
    logger?.info(copy ? 'startup backup taken' : 'startup backup not due', {
      file: copy?.file,
      bytes: copy?.bytes,
      ms: copy ? Math.round(copy.ms) : undefined,
    });
  } catch (error) {
    log(error);
    const code = codeOf(error);
    file.startupBackup.error = code === 'ENOSPC' || code === 'SQLITE_FULL' ? 'errors.disk_full' : 'backups.startupFailed';
  }
}

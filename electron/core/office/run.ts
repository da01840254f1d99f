import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { createServices } from '../services.ts';
import { DatabaseOpenError } from '../db/open.ts';
import { describeOpenError } from '../terminal.ts';
import { withJobWorker } from '../jobs/with-worker.ts';
import { logsDirFor, openLog, type Logger } from '../log/logger.ts';
import { acquireServerLock, ServerLockedError } from './lock.ts';
import { serverCertificate } from './tls.ts';
import { startOfficeServer } from './server.ts';

export type ServeOptions = { db: string; listen: string; tlsCert?: string | undefined; tlsKey?: string | undefined; json?: boolean };
type Io = { t: TFunction; out(line: string): void; err(line: string): void; rendererDir: string; workerUrl: URL };

/** `HOST:PORT`, `[v6]:PORT`, or a bare port (loopback). */
export function parseListen(listen: string): { host: string; port: number } | null {
  const m = /^(?:\[([0-9a-f:.]+)\]|([\w.-]+)):(\d{1,5})$/i.exec(listen.trim()) ?? /^()()(\d{1,5})$/.exec(listen.trim());
  if (!m) return null;
  const port = Number(m[3]);
  if (port > 65535) return null;
  return { host: m[1] || m[2] || '127.0.0.1', port };
}

/**
 * Starts the office server and keeps it running; returns an exit code when it could not start
 * (null once it runs: it stops on SIGINT/SIGTERM). Refuses a second server on the same file.
 */
export async function runOfficeServer(options: ServeOptions, io: Io): Promise<number | null> {
  const { t } = io;
  const listen = parseListen(options.listen);
  if (!listen) {
    io.err(t('serve.badListen', { listen: options.listen }));
    return 2;
  }
  if (!fs.existsSync(path.join(io.rendererDir, 'index.html'))) {
    io.err(t('web.notBuilt'));
    return 1;
  }
  const db = path.resolve(options.db);
  if (!fs.existsSync(path.dirname(db))) {
    io.err(t('open.no_folder', { folder: path.dirname(db) }));
    return 1;
  }
  let lock;
  try {
    lock = acquireServerLock(db);
  } catch (error) {
    if (error instanceof ServerLockedError) {
      io.err(t('serve.locked', { file: db }));
      return 1;
    }
    throw error;
  }
  let logger: Logger | undefined;
  try {
    logger = openLog(logsDirFor(db));
  } catch {
    logger = undefined;
  }
  let services;
  try {
    services = await createServices(db, { autoBackup: true, logger });
  } catch (error) {
    io.err(describeOpenError(error) ?? (error as Error).message);
    if (error instanceof DatabaseOpenError) io.err(t('serve.openFailed'));
    lock.release();
    return 1;
  }
  let tls;
  try {
    tls = await serverCertificate(db, { certFile: options.tlsCert, keyFile: options.tlsKey, hosts: [listen.host] });
  } catch (error) {
    io.err(t((error as Error).message === 'serve.tlsPair' ? 'serve.tlsPair' : 'serve.tlsUnreadable', { reason: (error as Error).message }));
    await services.close();
    lock.release();
    return 1;
  }
  const served = withJobWorker(services, { workerUrl: io.workerUrl });
  let server;
  try {
    server = await startOfficeServer({
      services: served,
      rendererDir: io.rendererDir,
      host: listen.host,
      port: listen.port,
      tls,
      log: (e) => logger?.error('server error', e),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'EADDRINUSE'
        ? t('serve.portBusy', { listen: options.listen })
        : code === 'EADDRNOTAVAIL'
          ? t('serve.noSuchAddress', { listen: options.listen })
          : (error as Error).message,
    );
    await served.close();
    lock.release();
    return 1;
  }
  logger?.info('office server started', { host: listen.host, port: server.port, fingerprint: tls.fingerprint });
  if (options.json) io.out(JSON.stringify({ url: server.url, port: server.port, fingerprint: tls.fingerprint, certFile: tls.certFile }));
  else {
    io.out(t('web.dataFile', { file: db }));
    if (tls.created) io.out(t('serve.certCreated', { file: tls.certFile }));
    io.out(t('serve.fingerprint', { fingerprint: tls.fingerprint }));
    io.out(t('serve.open', { url: server.url }));
    if (listen.host !== '127.0.0.1' && listen.host !== 'localhost' && listen.host !== '::1') io.out(t('serve.network', { host: listen.host }));
    io.out(t('web.stop'));
  }
  const stop = async () => {
    await server.close();
    await served.close();
    lock.release();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return null;
}

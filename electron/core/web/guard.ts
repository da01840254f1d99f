import type http from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../rules/navigation.ts';
import { jobId } from '../../../shared/contract/jobs.ts';

/**
 * The request guard both servers use (`npm run web` over HTTP on loopback, the office server over
 * HTTPS): one place says how a request is bounded (size, type, method, Origin) and how a server
 * survives whatever a request throws. What differs between them (token or session, which hosts)
 * stays in each server.
 */

/** The id the page gave a long call, to ask its progress and cancel it (`jobs.progress`, `jobs.cancel`). */
export const JOB_HEADER = 'x-twinning-job';
/** Largest request body: a 10 MB attachment travels base64-encoded in one JSON call. */
export const MAX_BODY = 20 * 1024 * 1024;
// Call names are plain words with dots; nothing to decode, so nothing that can throw.
export const CALL_NAME = /^[A-Za-z][\w.]{0,99}$/;

export const refusal = (message: string) => JSON.stringify({ ok: false, error: { kind: 'internal', message } });

/**
 * Runs every request inside one guard: whatever `route` throws becomes a 500 (or, once the answer
 * has begun, the connection goes), never an unhandled rejection that would end the process.
 * Malformed HTTP that Node cannot parse gets a plain 400, then the connection goes.
 */
export function guardRequests(
  server: http.Server,
  route: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>,
  log: (error: unknown) => void,
) {
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      log(error);
      if (!res.headersSent) send(res, 500, 'application/json', refusal('errors.internal'));
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
}

/** Listens, then answers the port; errors after listening (a socket failing) are logged, never thrown at the process. */
export async function listen(server: http.Server, port: number, host: string, log: (error: unknown) => void): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', log);
  const address = server.address();
  // Only a server on a pipe has a string address; ours listen on a host and port.
  if (address === null || typeof address === 'string') throw new Error(`not listening on a port: ${String(address)}`);
  return address.port;
}

/** Stops listening; a browser tab can hold a request open, so in-flight calls get 2 s to finish, then are cut. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}

/**
 * A browser sends Origin on cross-site requests and with every POST; only our own page (`scheme://host`)
 * may call us. Programs (the desktop app, the bench) send none.
 */
export const foreignOrigin = (req: http.IncomingMessage, scheme: 'http' | 'https', host: string) =>
  req.headers.origin !== undefined && req.headers.origin !== `${scheme}://${host}`;

/** Answers 405 (a call's JSON refusal, or plain text for pages and files) unless the method is one of `methods`. */
export function wrongMethod(req: http.IncomingMessage, res: http.ServerResponse, methods: readonly string[], answer: 'call' | 'text'): boolean {
  if (methods.includes(req.method ?? '')) return false;
  if (answer === 'call') send(res, 405, 'application/json', refusal('errors.bad_request'));
  else send(res, 405, 'text/plain', 'Method not allowed');
  return true;
}

/** The request's media type, without parameters, lower-cased ('' when none). */
export const mediaType = (req: http.IncomingMessage) => (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

/**
 * A call's JSON input and job id, once its type, name and size are right; null when a refusal
 * was already sent (wrong type 415, unknown name 404, too large 413, not JSON 400, client gone).
 */
export async function readCall(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
): Promise<{ input: unknown; jobId: string | undefined } | null> {
  const refuse = (status: number, key: string) => {
    send(res, status, 'application/json', refusal(key));
    return null;
  };
  if (mediaType(req) !== 'application/json') return refuse(415, 'errors.bad_request');
  if (!CALL_NAME.test(name)) return refuse(404, 'errors.unknown_call');
  const body = await readBody(req, MAX_BODY);
  if (body === 'too_large') {
    tooLarge(req, res);
    return null;
  }
  if (body === 'aborted') return null;
  try {
    const job = jobId.safeParse(req.headers[JOB_HEADER]);
    return { input: body.length ? JSON.parse(body.toString('utf8')) : {}, jobId: job.success ? job.data : undefined };
  } catch {
    return refuse(400, 'errors.bad_request');
  }
}

/** The body, or why there is none: over `limit` (told by Content-Length or counted), or the client went away. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too_large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      resolve('too_large');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve(size > limit ? 'too_large' : req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}

/** 413, then the connection closes: the rest of the body is never read. */
export function tooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
  res.once('finish', () => req.destroy());
  send(res, 413, 'application/json', refusal(`errors.too_large|${JSON.stringify({ max: MAX_BODY / 1024 / 1024 })}`), { connection: 'close' });
}

export function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    ...extra,
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

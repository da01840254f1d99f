import tls from 'node:tls';

// The desktop app connecting to the office server trusts its certificate by fingerprint, not by
// a certificate authority (an office has none): the first connection shows the fingerprint for the
// user to compare with the one the server printed, and the one accepted is pinned. A different
// certificate later is refused: another machine answering at that address, or someone in between.

/** The office server's address as the desktop keeps it: https, a host, a port; nothing else. */
export function serverOrigin(address: string): string | null {
  const trimmed = address.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  return url.origin;
}

export type PinCheck = { ok: true } | { ok: false; reason: 'changed'; seen: string; pinned: string };

/** The rule the shell's certificate check applies: only the pinned fingerprint passes, whatever a CA says. */
export function checkPin(pinned: string, seen: string): PinCheck {
  const norm = (f: string) => f.toUpperCase().replace(/[^0-9A-F]/g, '');
  return norm(pinned) !== '' && norm(pinned) === norm(seen) ? { ok: true } : { ok: false, reason: 'changed', seen, pinned };
}

/** Connects once (TLS only, no request) and reads the certificate's SHA-256 fingerprint, to show before pinning it. */
export function probeFingerprint(origin: string, timeoutMs = 5000): Promise<string> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || 443),
        servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
        rejectUnauthorized: false,
      },
      () => {
        const fingerprint = socket.getPeerCertificate().fingerprint256;
        socket.end();
        if (fingerprint) resolve(fingerprint);
        else reject(new Error('desktopServer.errors.noCertificate'));
      },
    );
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error('desktopServer.errors.unreachable'));
    });
    socket.on('error', () => reject(new Error('desktopServer.errors.unreachable')));
  });
}

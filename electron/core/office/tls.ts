import fs from 'node:fs';
import { randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// The office server speaks HTTPS only. Without a certificate of the office's own, it makes a
// self-signed one on first start and keeps it beside the data file, so the fingerprint the
// staff pinned stays the same across restarts. Node's crypto makes keys and reads certificates
// but cannot write one; @peculiar/x509 (pure TypeScript over WebCrypto, made for exactly this,
// no native code) signs it with node's own WebCrypto.

export type Certificate = { cert: string; key: string; fingerprint: string; created: boolean; certFile: string; keyFile: string };

/** Where the generated certificate and key live: beside the data file, named after it. */
export const certificateFiles = (dbPath: string) => ({ certFile: `${dbPath}.server-cert.pem`, keyFile: `${dbPath}.server-key.pem` });

/** SHA-256 of the certificate's DER, as browsers and `openssl x509 -fingerprint -sha256` print it (AB:CD:…). */
export const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END ${label}-----\n`;

async function selfSigned(hosts: readonly string[], now: Date): Promise<{ cert: string; key: string }> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hosts])];
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '7'),
    name: 'CN=Twinning Desk office server',
    notBefore: new Date(now.getTime() - 60_000),
    // Ten years: the office pins it; a renewal would make every desktop ask again.
    notAfter: new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((n) => (/^[\d.]+$|:/.test(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n })),
      ),
    ],
  });
  return { cert: certificate.toString('pem'), key: pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

/**
 * The office's own certificate when given (`--tls-cert`/`--tls-key`), else the one made on an
 * earlier start, else a new one: the key written 0600 (only this account reads it), never
 * overwritten.
 */
export async function serverCertificate(
  dbPath: string,
  options: { certFile?: string | undefined; keyFile?: string | undefined; hosts?: readonly string[]; now?: Date },
): Promise<Certificate> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) throw new Error('serve.tlsPair');
    const cert = fs.readFileSync(options.certFile, 'utf8');
    return {
      cert,
      key: fs.readFileSync(options.keyFile, 'utf8'),
      fingerprint: fingerprintOf(cert),
      created: false,
      certFile: options.certFile,
      keyFile: options.keyFile,
    };
  }
  const { certFile, keyFile } = certificateFiles(dbPath);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    return { cert, key: fs.readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert), created: false, certFile, keyFile };
  }
  const made = await selfSigned(options.hosts ?? [], options.now ?? new Date());
  // The key first, created 0600 and refused if something is already there (`wx`): never a readable key, never a swap.
  fs.writeFileSync(keyFile, made.key, { mode: 0o600, flag: 'wx' });
  fs.writeFileSync(certFile, made.cert, { mode: 0o644, flag: 'wx' });
  return { ...made, fingerprint: fingerprintOf(made.cert), created: true, certFile, keyFile };
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowPermission, CONTENT_SECURITY_POLICY, externalLinkTarget, isTrustedAppUrl } from '../../electron/core/rules/navigation.ts';
import { resolveInside } from '../../electron/core/rules/resolve-inside.ts';

describe('window and protocol rules', () => {
  const root = path.resolve('/srv/app');

  it('maps app paths inside the renderer folder and nothing outside it', () => {
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index.js')).toBe(path.join(root, 'assets/index.js'));
    expect(resolveInside(root, '/../etc/passwd')).toBeNull();
    expect(resolveInside(root, '/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveInside(root, '/%2e%2e/secret')).toBeNull();
    expect(resolveInside(root, '/assets/..\\..\\x')).toBeNull();
    expect(resolveInside(root, '/a%00b')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });

  it('trusts only the app origin for IPC and navigation', () => {
    expect(isTrustedAppUrl('app://twinning/index.html')).toBe(true);
    expect(isTrustedAppUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedAppUrl('https://twinning/index.html')).toBe(false);
    expect(isTrustedAppUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedAppUrl(undefined)).toBe(false);
    expect(isTrustedAppUrl('not a url')).toBe(false);
  });

  it('opens only https links externally', () => {
    expect(externalLinkTarget('https://www.example.org/a')).toBe('https://www.example.org/a');
    expect(externalLinkTarget('http://www.example.org/')).toBeNull();
    expect(externalLinkTarget('file:///C:/Windows')).toBeNull();
    expect(externalLinkTarget('javascript:alert(1)')).toBeNull();
    expect(externalLinkTarget('https://user:pw@example.org/')).toBeNull();
  });

  it('denies every permission and forbids inline scripts', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(allowPermission(p)).toBe(false);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

// Rules for what the window may load or open, kept free of Electron so they
// are tested as plain functions; the shell only wires them to its events.

export const APP_ORIGIN = 'app://twinning';

/** Only pages of the app itself may run in the window or call the contract. */
export function isTrustedAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'twinning';
  } catch {
    return false;
  }
}

/** External links go to the system browser, and only over https. */
export function externalLinkTarget(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password ? u.toString() : null;
  } catch {
    return null;
  }
}

/** No permission (camera, notifications from the page, geolocation…) is granted to web content. */
export const allowPermission = (_permission: string): boolean => false;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // FullCalendar and React set inline styles; no inline script is ever allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

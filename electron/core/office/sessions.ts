import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed-in sessions, kept in the server's memory: a restart signs everyone out (their next
 * click shows the login page), and nothing that grants access is ever written to disk.
 * The cookie holds a random id only; each session has its own CSRF token, sent back by the
 * page in a header with every call: a request another site makes the browser send carries the
 * cookie but cannot know the token, and a token from another (or an ended) session fits no session.
 */
export type Session = { id: string; userId: number; csrf: string; lastSeen: number; address: string };

export const SESSION_COOKIE = 'twinning_session';
export const CSRF_HEADER = 'x-twinning-csrf';

const token = () => randomBytes(32).toString('base64url');

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function createSessionStore(options: { idleMs: () => number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, Session>();
  /** Sessions ended because their account was disabled, so the page is told why rather than "sign in". Bounded. */
  const disabled = new Set<string>();

  return {
    open(userId: number, address: string): Session {
      const session = { id: token(), userId, csrf: token(), lastSeen: now(), address };
      sessions.set(session.id, session);
      return session;
    },
    /** The live session the cookie names, touched; an idle one is ended and answers 'expired'. */
    find(id: string | undefined): Session | 'expired' | 'disabled' | null {
      if (!id) return null;
      const session = sessions.get(id);
      if (!session) return disabled.has(id) ? 'disabled' : null;
      if (now() - session.lastSeen > options.idleMs()) {
        sessions.delete(id);
        return 'expired';
      }
      session.lastSeen = now();
      return session;
    },
    csrfMatches: (session: Session, given: string | undefined) => given !== undefined && same(session.csrf, given),
    close(id: string) {
      sessions.delete(id);
    },
    /** A disabled user, or a password reset, ends every session of theirs. */
    closeAllOf(userId: number, because: 'disabled' | 'password') {
      for (const [id, s] of sessions) {
        if (s.userId !== userId) continue;
        sessions.delete(id);
        if (because === 'disabled' && disabled.size < 10_000) disabled.add(id);
      }
    },
    get size() {
      return sessions.size;
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

/** The Set-Cookie value: never readable by scripts, never sent over plain HTTP nor by another site. */
export const sessionCookie = (id: string) => `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=Strict`;
export const clearedCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Sign-ins, sign-outs and refusals go into the audit log beside the changes, as entity
 * `access`: who (when known), what was refused and why, from which address. Never a
 * password, never a session or CSRF token: only the reason a request was turned away.
 */
export type AccessEvent = {
  action: 'refuse' | 'login' | 'logout';
  /** Why: `role`, `password`, `disabled`, `unknown_login`, `throttled`, `session`, `csrf`, `origin`, `host`, `first_run`. */
  reason: string;
  user?: { id: number | null; name: string | null } | undefined;
  /** The login that was typed, for a refused sign-in (it may name nobody). */
  login?: string | undefined;
  call?: string | undefined;
  address?: string | undefined;
};

export async function recordAccess(db: Kysely<DB>, event: AccessEvent, at: Date): Promise<void> {
  const details = Object.fromEntries(
    Object.entries({ reason: event.reason, login: event.login, call: event.call, address: event.address }).filter(([, v]) => v !== undefined),
  );
  await db
    .insertInto('audit_log')
    .values({
      entity: 'access',
      entity_id: event.user?.id ?? 0,
      action: event.action,
      before_json: null,
      after_json: JSON.stringify(details),
      at: at.toISOString(),
      user_name: event.user?.name ?? event.login ?? '',
      user_id: event.user?.id ?? null,
    })
    .execute();
}

import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.ts';
import type { Actor, UserRow } from '../../../../shared/contract/users.ts';

export type StoredUser = Selectable<UsersTable>;

/** What leaves the services: never the password hash. */
export const toUserRow = (u: StoredUser): UserRow => ({
  id: u.id,
  login: u.login,
  name: u.name,
  role: u.role,
  disabled: u.disabled_at !== null,
  language: u.language,
  createdAt: u.created_at,
  lastLoginAt: u.last_login_at,
  version: u.version,
});

export const actorOf = (u: StoredUser): Actor => ({ userId: u.id, login: u.login, name: u.name, role: u.role, language: u.language });

export const userById = (db: Kysely<DB>, id: number) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const userByLogin = (db: Kysely<DB>, login: string) =>
  db.selectFrom('users').selectAll().where('login', '=', login.trim().toLowerCase()).executeTakeFirst();

export async function userCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Admins who can still sign in: the office must always keep one. */
export async function activeAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

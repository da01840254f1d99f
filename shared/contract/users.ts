import { z } from './zod-messages.ts';
import { id, version } from './common.ts';
import { language, type Language } from './settings.ts';

/** Who may do what, from least to most: each contract call names the least role it needs. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const role = z.enum(ROLES);

/** True when `held` is at least `needed` (an admin may do what an editor may, and so on). */
export const roleAllows = (held: Role, needed: Role) => ROLES.indexOf(held) >= ROLES.indexOf(needed);

/** Shortest password we accept: long enough that guessing through the login's growing delay is hopeless. */
export const MIN_PASSWORD = 10;
/** scrypt's input stays bounded: a megabyte "password" is refused, not hashed. */
export const MAX_PASSWORD = 200;
export const password = z.string().min(MIN_PASSWORD).max(MAX_PASSWORD);

/** Logins are lower-case words (letters, digits, dot, dash, underscore), compared as typed. */
export const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'users.errors.login');

export const userName = z.string().trim().min(1).max(100);

/**
 * Who is calling. The desktop app and the CLI on their own file act as the office's local
 * admin (`userId` null), named by the "user name" setting; the office server gives each
 * session its signed-in user.
 */
export type Actor = { userId: number | null; login: string | null; name: string | null; role: Role; language: Language | null };
export const LOCAL_ACTOR: Actor = { userId: null, login: null, name: null, role: 'admin', language: null };

export const userCreate = z.object({ login, name: userName, role, password }).strict();
export const userUpdate = z.object({ id, version, name: userName.optional(), role: role.optional(), disabled: z.boolean().optional() }).strict();
export const passwordReset = z.object({ id, password }).strict();
export const ownPreferences = z.object({ language: language.nullable() }).strict();

export type UserRow = {
  id: number;
  login: string;
  name: string;
  role: Role;
  disabled: boolean;
  language: Language | null;
  createdAt: string;
  lastLoginAt: string | null;
  version: number;
};

/** What the screen knows of who is signed in (`me.get`): enough to hide what the role cannot do. */
export type Me = { userId: number | null; login: string | null; name: string; role: Role; language: Language | null; server: boolean };

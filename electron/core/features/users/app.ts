import { conflict, notFound } from '../../../../shared/contract/result.ts';
import type { Me } from '../../../../shared/contract/users.ts';
import { stamp, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { actorName, mutation } from '../../app/mutation.ts';
import { checkVersion } from '../audit/public.ts';
import { readSetting, writeSettings } from '../settings/public.ts';
import { hashPassword } from './passwords.ts';
import { activeAdmins, toUserRow, userById, userByLogin } from './store.ts';

async function me(ctx: Ctx): Promise<Me> {
  const { actor } = ctx;
  if (actor.userId === null) {
    return { userId: null, login: null, name: await actorName(ctx), role: actor.role, language: await readSetting(ctx.db, 'language'), server: false };
  }
  const user = await userById(ctx.db, actor.userId);
  if (!user) throw notFound('user', actor.userId);
  return { userId: user.id, login: user.login, name: user.name, role: user.role, language: user.language, server: true };
}

async function loadUser(ctx: Ctx, id: number) {
  const user = await userById(ctx.db, id);
  if (!user) throw notFound('user', id);
  return user;
}

export const userHandlers: Handlers<'me.get' | 'me.update' | 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'> = {
  'me.get': async (_input, ctx) => me(ctx),
  // A signed-in user's language is their own; on the desktop it is the file's (the one local user's).
  'me.update': mutation(async (input, ctx) => {
    if (ctx.actor.userId === null) {
      if (input.language) await writeSettings(ctx.db, { language: input.language });
      return me(ctx);
    }
    const before = await loadUser(ctx, ctx.actor.userId);
    await ctx.db
      .updateTable('users')
      .set({ language: input.language, updated_at: stamp(ctx), version: before.version + 1 })
      .where('id', '=', before.id)
      .execute();
    await ctx.audit('user', before.id, 'update', toUserRow(before), toUserRow(await loadUser(ctx, before.id)));
    return me(ctx);
  }),

  'users.list': async (_input, ctx) => (await ctx.db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute()).map(toUserRow),

  // Hashing takes a tenth of a second or more: done before the transaction, so no one waits on the write lock for it.
  'users.create': async (input, ctx) => {
    const hash = await hashPassword(input.password);
    return mutation<'users.create'>(async ({ login, name, role }, ctx) => {
      if (await userByLogin(ctx.db, login)) throw conflict('users.errors.loginTaken', { login });
      const at = stamp(ctx);
      const { id } = await ctx.db
        .insertInto('users')
        .values({ login, name, role, password_hash: hash, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = toUserRow(await loadUser(ctx, id));
      await ctx.audit('user', id, 'create', null, row);
      return row;
    })(input, ctx);
  },

  'users.update': mutation(async (input, ctx) => {
    const before = await loadUser(ctx, input.id);
    checkVersion(before, input.version);
    const role = input.role ?? before.role;
    const disabled = input.disabled ?? before.disabled_at !== null;
    // The office must keep someone who can manage users: the last active admin stays one.
    const wasActiveAdmin = before.role === 'admin' && before.disabled_at === null;
    if (wasActiveAdmin && (role !== 'admin' || disabled) && (await activeAdmins(ctx.db)) <= 1) throw conflict('users.errors.lastAdmin');
    await ctx.db
      .updateTable('users')
      .set({
        name: input.name ?? before.name,
        role,
        disabled_at: disabled ? (before.disabled_at ?? stamp(ctx)) : null,
        updated_at: stamp(ctx),
        version: before.version + 1,
      })
      .where('id', '=', input.id)
      .execute();
    const after = toUserRow(await loadUser(ctx, input.id));
    await ctx.audit('user', input.id, 'update', toUserRow(before), after);
    return after;
  }),

  'users.resetPassword': async (input, ctx) => {
    const hash = await hashPassword(input.password);
    return mutation<'users.resetPassword'>(async ({ id }, ctx) => {
      const before = await loadUser(ctx, id);
      await ctx.db
        .updateTable('users')
        .set({ password_hash: hash, updated_at: stamp(ctx), version: before.version + 1 })
        .where('id', '=', id)
        .execute();
      const after = toUserRow(await loadUser(ctx, id));
      // The audit row says the password changed, never what it is (the rows leave out the hash).
      await ctx.audit('user', id, 'update', toUserRow(before), { ...after, passwordReset: true });
      return after;
    })(input, ctx);
  },
};

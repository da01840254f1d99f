import { login as loginSchema, ROLES, type UserRow } from '../../../../shared/contract/users.ts';
import { CliError, dbOption, defineCommand, jsonOption, type CliIo } from '../command.ts';
import { must, withServices } from '../services.ts';
import type { Services } from '../../services.ts';

const loginOption = { type: 'string', summary: 'cli.users.opt.login', required: true, value: 'LOGIN' } as const;

async function secret(io: CliIo): Promise<string> {
  const password = await io.readSecret(io.t('cli.users.passwordPrompt'));
  if (!password) throw new CliError('cli.users.noPassword');
  return password;
}

/**
 * The preamble of the subcommands that act on one account (disable, reset-password): the file
 * through the services, then the account --login names, written as the contract reads a login
 * (trimmed, lower-case); refused with the name as typed when there is none.
 */
async function withAccount(io: CliIo, args: { db: string; login: string }, run: (services: Services, account: UserRow) => Promise<void>) {
  await withServices(io, args.db, async (services) => {
    const wanted = loginSchema.safeParse(args.login);
    const account = wanted.success ? must(await services.call('users.list', {})).find((u) => u.login === wanted.data) : undefined;
    if (!account) throw new CliError('cli.users.unknown', { login: args.login });
    await run(services, account);
  });
}

const add = defineCommand({
  name: 'add',
  summary: 'cli.users.add.summary',
  options: {
    db: dbOption,
    login: loginOption,
    name: { type: 'string', summary: 'cli.users.opt.name', required: true, value: 'NAME' },
    role: { type: 'string', summary: 'cli.users.opt.role', required: true, choices: ROLES, value: ROLES.join('|') },
  },
  help: ['cli.users.add.help'],
  async run(args, io) {
    const password = await secret(io);
    await withServices(io, args.db, async (services) => {
      const user = must(await services.call('users.create', { login: args.login, name: args.name, role: args.role, password }));
      io.out(io.t('cli.users.added', { login: user.login, name: user.name, role: io.t(`users.roles.${user.role}`) }));
    });
  },
});

const list = defineCommand({
  name: 'list',
  summary: 'cli.users.list.summary',
  options: { db: dbOption, json: jsonOption },
  async run(args, io) {
    await withServices(io, args.db, async (services) => {
      const users = must(await services.call('users.list', {}));
      if (args.json) {
        io.out(JSON.stringify(users.map(({ login, name, role, disabled, lastLoginAt }) => ({ login, name, role, disabled, lastLoginAt }))));
        return;
      }
      if (users.length === 0) {
        io.out(io.t('cli.users.none'));
        return;
      }
      for (const u of users) {
        const state = u.disabled ? io.t('users.state.disabled') : io.t('users.state.active');
        io.out(`${u.login}\t${u.name}\t${io.t(`users.roles.${u.role}`)}\t${state}`);
      }
    });
  },
});

const disable = defineCommand({
  name: 'disable',
  summary: 'cli.users.disable.summary',
  options: { db: dbOption, login: loginOption },
  async run(args, io) {
    await withAccount(io, args, async (services, user) => {
      must(await services.call('users.update', { id: user.id, version: user.version, disabled: true }));
      io.out(io.t('cli.users.disabled', { login: user.login }));
    });
  },
});

const resetPassword = defineCommand({
  name: 'reset-password',
  summary: 'cli.users.reset.summary',
  options: { db: dbOption, login: loginOption },
  help: ['cli.users.add.help'],
  async run(args, io) {
    const password = await secret(io);
    await withAccount(io, args, async (services, user) => {
      must(await services.call('users.resetPassword', { id: user.id, password }));
      io.out(io.t('cli.users.reset', { login: user.login }));
    });
  },
});

export const usersCommand = defineCommand({
  name: 'users',
  summary: 'cli.users.summary',
  options: {},
  subcommands: [add, list, disable, resetPassword],
});

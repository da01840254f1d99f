import type { Services } from '../../electron/core/services.ts';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.ts';
import type { Actor, Role } from '../../shared/contract/users.ts';
import { ok } from './temp-db.ts';

export const PASSWORD = 'pájaro azul 1234';

/** A real account of each role in the file, and the actor the server would give its session. */
export async function accounts(services: Services): Promise<Record<Role, Actor>> {
  const make = async (login: string, name: string, role: Role): Promise<Actor> => {
    const user = await ok(services, 'users.create', { login, name, role, password: PASSWORD });
    return { userId: user.id, login: user.login, name: user.name, role: user.role, language: null };
  };
  return {
    reader: await make('lucia', 'Lucía Pérez', 'reader'),
    editor: await make('wang', 'Wang Wei 王伟', 'editor'),
    admin: await make('ana', 'Ana Torres', 'admin'),
  };
}

/** A call made as `actor`, insisting on success. */
export async function okAs<N extends CallName>(services: Services, actor: Actor, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await services.dispatch(name, input, { actor });
  if (!result.ok) throw new Error(`${name} as ${actor.login} failed: ${JSON.stringify(result.error)}`);
  return result.value as CallOutput<N>;
}

import type { CallName, CallOutput, CallParsed } from '../../../shared/contract/index.ts';
import type { Ctx } from './context.ts';

export type Handler<N extends CallName> = (input: CallParsed<N>, ctx: Ctx) => Promise<CallOutput<N>>;

/** The map of calls one feature answers; the registry checks that all calls are covered. */
export type Handlers<N extends CallName> = { [K in N]: Handler<K> };

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * One registry from the features' maps, refusing a call answered twice (as
 * Actual's App.method does): spread together, the later map would silently
 * win. The result's type is all the maps at once, so assigning it to
 * `Handlers<CallName>` still makes a call nobody answers a compile error.
 */
export function registerHandlers<const M extends readonly object[]>(maps: M): Intersection<M[number]> {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in all) throw new Error(`The call ${name} is answered twice`);
      all[name] = handler;
    }
  }
  return all as Intersection<M[number]>;
}

import type { CallName, CallOutput, CallParsed } from '../../../shared/contract/index.ts';
import type { Ctx } from './context.ts';

export type Handler<N extends CallName> = (input: CallParsed<N>, ctx: Ctx) => Promise<CallOutput<N>>;

/** The map of calls one feature answers; the registry checks that all calls are covered. */
export type Handlers<N extends CallName> = { [K in N]: Handler<K> };

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { translateMessage } from '../../../shared/i18n/index.ts';
import type { UndoableCall } from '../../../shared/contract/undo.ts';
import type { CallInput, CallOutput } from '../../../shared/contract/index.ts';
import { call, useMutate } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { failureMessage } from './form.tsx';

/**
 * What the screen just did, in words ("Visit “…” deleted."), which call and
 * record to take back, and the screen it belongs to: the bar goes when the
 * user moves to another screen.
 */
export type UndoOffer = { call: UndoableCall; id: number; message: string; path: string };

type State = { offer: UndoOffer; outcome: null | { error: boolean; message: string } };

type UndoApi = { offer: (offer: UndoOffer) => void; state: State | null; busy: boolean; undo: (offer: UndoOffer) => Promise<void>; close: () => void };

const UndoContext = createContext<UndoApi | null>(null);

function useUndoApi() {
  const api = useContext(UndoContext);
  if (!api) throw new Error('the undo bar needs <UndoProvider> above it');
  return api;
}

/** Screens call this right after an undoable call succeeded. */
export const useOfferUndo = () => useUndoApi().offer;

/**
 * An undoable call that, once it succeeded, offers its undo on the app's one
 * bar: `run(input, name)` where `name` is how the user knows the record (or
 * the words to show, when `words` is given). `then` is the screen the caller
 * moves to next (a deleted record's list), where the bar stays.
 */
export function useUndoableMutate<N extends UndoableCall>(name: N) {
  const { t } = useLocale();
  const mutation = useMutate(name);
  const { offer } = useUndoApi();
  const { pathname } = useLocation();
  const run = async (input: CallInput<N> & { id: number }, label: string, options: { then?: string; words?: string } = {}): Promise<CallOutput<N>> => {
    const result = await mutation.mutateAsync(input);
    offer({ call: name, id: input.id, message: options.words ?? t(`undo.did.${name.replace('.', '_')}`, { name: label }), path: options.then ?? pathname });
    return result;
  };
  return { run, isPending: mutation.isPending };
}

/**
 * One undo for the whole app: the last undoable change stays on offer on the
 * screen where it was made until the user undoes it, closes the bar, goes to
 * another screen, or makes another undoable change (the server keeps only the last).
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { pathname } = useLocation();
  const [state, setState] = useState<State | null>(null);
  const [busy, setBusy] = useState(false);
  const offer = useCallback((next: UndoOffer) => setState({ offer: next, outcome: null }), []);
  const close = useCallback(() => setState(null), []);

  // Another screen: the offer belonged to the one left.
  useEffect(() => setState((s) => (s && s.offer.path !== pathname ? null : s)), [pathname]);

  const undo = useCallback(
    async (current: UndoOffer) => {
      setBusy(true);
      try {
        await call('undo.apply', { call: current.call, id: current.id });
        setState({ offer: current, outcome: { error: false, message: 'undo.done' } });
        await client.invalidateQueries();
      } catch (failure) {
        setState({ offer: current, outcome: { error: true, message: failureMessage(failure) } });
      } finally {
        setBusy(false);
      }
    },
    [client],
  );

  return <UndoContext.Provider value={{ offer, state, busy, undo, close }}>{children}</UndoContext.Provider>;
}

/**
 * The bar itself, placed by the layout below the screen (never over it, so it
 * covers no row): the last change in words, Undo, and ×.
 */
export function UndoBar() {
  const { t } = useLocale();
  const { state, busy, undo, close } = useUndoApi();
  if (!state) return null;
  return (
    <div className={`undo-bar${state.outcome?.error ? ' undo-error' : ''}`} role="status" data-testid="undo-bar">
      <span>{state.outcome ? translateMessage(t, state.outcome.message) : state.offer.message}</span>
      {state.outcome ? null : (
        <button type="button" className="primary" disabled={busy} onClick={() => void undo(state.offer)}>
          {t('undo.action')}
        </button>
      )}
      <button type="button" className="link" aria-label={t('undo.close')} title={t('undo.close')} onClick={close}>
        ×
      </button>
    </div>
  );
}

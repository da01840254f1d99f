import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { translateMessage } from '../../../shared/i18n/index.ts';
import type { UndoableCall } from '../../../shared/contract/undo.ts';
import type { CallInput } from '../../../shared/contract/index.ts';
import { call, useMutate } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { failureMessage } from './form.tsx';

/** What the screen just did, in words ("Visit “…” deleted."), and which call and record to take back. */
export type UndoOffer = { call: UndoableCall; id: number; message: string };

type State = { offer: UndoOffer; outcome: null | { error: boolean; message: string } };

const OfferUndo = createContext<(offer: UndoOffer) => void>(() => {});

/** Screens call this right after an archive or deletion succeeded. */
export const useOfferUndo = () => useContext(OfferUndo);

/**
 * An archive or delete call that, once it succeeded, offers its undo:
 * `run(input, name)` where `name` is how the user knows the record.
 */
export function useUndoableMutate<N extends UndoableCall>(name: N) {
  const { t } = useLocale();
  const mutation = useMutate(name);
  const offer = useOfferUndo();
  const run = async (input: CallInput<N> & { id: number }, label: string) => {
    const result = await mutation.mutateAsync(input);
    offer({ call: name, id: input.id, message: t(`undo.did.${name.replace('.', '_')}`, { name: label }) });
    return result;
  };
  return { run, isPending: mutation.isPending };
}

/**
 * One bar for the whole app: the last archive or deletion stays on offer,
 * even after the screen moved to the list, until the user undoes it, closes
 * the bar, or does another archive or deletion (the server keeps only the last).
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const { t } = useLocale();
  const client = useQueryClient();
  const [state, setState] = useState<State | null>(null);
  const [busy, setBusy] = useState(false);
  const offer = useCallback((next: UndoOffer) => setState({ offer: next, outcome: null }), []);

  const undo = async (current: UndoOffer) => {
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
  };

  return (
    <OfferUndo.Provider value={offer}>
      {children}
      {state ? (
        <div className={`undo-bar${state.outcome?.error ? ' undo-error' : ''}`} role="status" data-testid="undo-bar">
          <span>{state.outcome ? translateMessage(t, state.outcome.message) : state.offer.message}</span>
          {state.outcome ? null : (
            <button type="button" className="primary" disabled={busy} onClick={() => void undo(state.offer)}>
              {t('undo.action')}
            </button>
          )}
          <button type="button" className="link" aria-label={t('undo.close')} onClick={() => setState(null)}>
            ×
          </button>
        </div>
      ) : null}
    </OfferUndo.Provider>
  );
}

import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useBlocker } from 'react-router';
import { useLocale } from '../i18n.ts';
import { useConfirm } from './ConfirmDialog.tsx';

// What every form does for the user besides saving: it does not let work go
// without asking (another screen from the sidebar or a link, Back, closing the
// window or tab), and after a failed save it puts the cursor on the first thing
// to correct. One router blocker and one beforeunload for the whole app; forms
// only say whether they hold unsaved work.

type Registry = { set(id: string, dirty: boolean): void };
const UnsavedContext = createContext<Registry | null>(null);

// The shell's listener is added once per page; it calls the latest provider's question.
let closeListening = false;
let askOnClose: () => void = () => undefined;

/** Holds which forms have unsaved work and asks, in the app's dialog, before any of it is lost. */
export function UnsavedProvider({ children }: { children: ReactNode }) {
  const { t } = useLocale();
  const confirm = useConfirm();
  const dirty = useRef(new Set<string>());
  // Set once the user said "leave": the window's own close must then go through.
  const leaving = useRef(false);
  const registry = useRef<Registry>({
    set(id, isDirty) {
      if (isDirty) dirty.current.add(id);
      else dirty.current.delete(id);
    },
  });

  const ask = useCallback(
    () => confirm({ title: t('forms.unsaved.title'), message: t('forms.unsaved.message'), action: t('forms.unsaved.leave'), destructive: true }),
    [confirm, t],
  );

  // Only a move to another screen loses the form; the same screen with other filters does not.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty.current.size > 0 && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void ask().then((leave) => {
      if (leave) {
        dirty.current.clear();
        blocker.proceed();
      } else blocker.reset();
    });
  }, [blocker, ask]);

  useEffect(() => {
    // The browser (npm run web) shows its own question here; the desktop shell turns it into ours (below).
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0 && !leaving.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  useEffect(() => {
    // Electron's close path runs the page's beforeunload; the shell then asks us to ask (electron/shell/unsaved-close.ts).
    askOnClose = () =>
      void ask().then((leave) => {
        if (!leave) return;
        leaving.current = true;
        window.twinning?.closeWindow?.();
      });
    if (!closeListening) {
      closeListening = true;
      window.twinning?.onCloseRequested?.(() => askOnClose());
    }
  }, [ask]);

  return <UnsavedContext.Provider value={registry.current}>{children}</UnsavedContext.Provider>;
}

/**
 * A form says whether it holds unsaved work. `release()` before moving on
 * after a successful save (or an explicit Cancel), so that move is not asked about.
 */
export function useUnsavedGuard(dirty: boolean) {
  const registry = useContext(UnsavedContext);
  const id = useId();
  const released = useRef(false);
  useEffect(() => {
    registry?.set(id, dirty && !released.current);
  }, [registry, id, dirty]);
  useEffect(() => () => registry?.set(id, false), [registry, id]);
  const release = useCallback(() => {
    released.current = true;
    registry?.set(id, false);
  }, [registry, id]);
  return { release };
}

/**
 * After a failed save, the first field marked invalid (in screen order) gets
 * the focus, scrolled to the middle of the screen so the error summary at the
 * top of the form stays in view too. `failed()` after each failed attempt.
 */
export function useFirstErrorFocus<E extends HTMLElement = HTMLFormElement>(): { ref: RefObject<E | null>; failed: () => void } {
  const ref = useRef<E>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }, [attempt]);
  const failed = useCallback(() => setAttempt((a) => a + 1), []);
  return { ref, failed };
}

/**
 * A form's care in one call: the guard on its unsaved work and the focus on
 * its first error. `failed()` after a refused save (the form's own check or
 * the server's), `release()` before moving on after a save or a Cancel.
 */
export function useFormCare(dirty: boolean) {
  const { release } = useUnsavedGuard(dirty);
  const { ref, failed } = useFirstErrorFocus();
  return { ref, failed, release };
}

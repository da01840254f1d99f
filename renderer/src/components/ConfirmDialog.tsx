import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Button, Dialog, FileTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useLocale } from '../i18n.ts';
import './fields.css';

// The app's one confirmation dialog (React Aria Modal: focus kept inside,
// Escape cancels, focus returns to where it was) instead of the browser's
// confirm(), which speaks the OS's language and names its button "OK".

export type ConfirmRequest = {
  /** The question, e.g. "¿Eliminar esta visita?" */
  title: string;
  /** What will happen, e.g. what else goes with it; optional. */
  message?: string;
  /** The button that does it, named for what it does: "Eliminar visita". */
  action: string;
  /** A deletion or archive: the button is red and Cancel has the focus. */
  destructive?: boolean;
};

type Pending = ConfirmRequest & { resolve: (yes: boolean) => void };

const ConfirmContext = createContext<((request: ConfirmRequest) => Promise<boolean>) | null>(null);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useLocale();
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })), []);
  const answer = (yes: boolean) => {
    pending?.resolve(yes);
    setPending(null);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      <ModalOverlay className="confirm-overlay" isOpen={pending !== null} onOpenChange={(open) => !open && answer(false)} isDismissable>
        <Modal className="confirm-modal">
          <Dialog role="alertdialog" className="confirm-dialog" data-testid="confirm-dialog">
            <Heading slot="title">{pending?.title}</Heading>
            {pending?.message ? <p>{pending.message}</p> : null}
            <div className="actions">
              {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus into itself (WAI-ARIA dialog pattern): to Cancel when the action destroys */}
              <Button className="button" onPress={() => answer(false)} autoFocus={pending?.destructive ?? false}>
                {t('common.cancel')}
              </Button>
              {/* eslint-disable-next-line jsx-a11y/no-autofocus -- …and to the action when it does not */}
              <Button className={`button ${pending?.destructive ? 'danger' : 'primary'}`} onPress={() => answer(true)} autoFocus={!pending?.destructive}>
                {pending?.action}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </ConfirmContext.Provider>
  );
}

/** `await confirm({ title, action: t('visits.deleteVisit'), destructive: true })` is true when the user said yes. */
export function useConfirm() {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error('useConfirm needs <ConfirmProvider> above it');
  return ask;
}

/**
 * A button that opens the OS's file chooser, labelled in the app's language,
 * with the chosen file's name beside it — never the browser's "Choose File /
 * No file chosen".
 */
export function FileButton(props: {
  id: string;
  label: string;
  accept?: string[];
  onFile: (file: File) => void;
  isDisabled?: boolean;
  /** Shown beside the button once a file is chosen; none by default. */
  showName?: boolean;
  describedBy?: string;
}) {
  const [name, setName] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <span className="file-button" data-file-button={props.id}>
      <FileTrigger
        {...(props.accept ? { acceptedFileTypes: props.accept } : {})}
        onSelect={(files) => {
          const file = files?.[0];
          if (!file) return;
          setName(file.name);
          props.onFile(file);
        }}
      >
        <Button ref={button} id={props.id} className="button" isDisabled={props.isDisabled ?? false} aria-describedby={props.describedBy}>
          {props.label}
        </Button>
      </FileTrigger>
      {props.showName && name ? <span className="muted file-name">{name}</span> : null}
    </span>
  );
}

import { Children, cloneElement, createContext, isValidElement, useContext, useState, type ReactElement, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { translateMessage } from '../../../shared/i18n/index.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { useLocale } from '../i18n.ts';

type FieldState = { id: string; errorId: string; invalid: boolean };
const FieldContext = createContext<FieldState | null>(null);

/**
 * For a shared control that sits in a Field inside a react-hook-form
 * Controller (money, currency, a select rendered by a Controller), where the
 * Field cannot reach it: its aria-invalid and aria-describedby, from the Field
 * it is in, when its id is that Field's.
 */
export function useFieldAria(id: string | undefined, describedBy?: string): FieldAria {
  const field = useContext(FieldContext);
  return fieldAria(field?.errorId ?? '', field?.invalid && field.id === id ? 'invalid' : null, describedBy);
}

export type FieldAria = { 'aria-invalid'?: true; 'aria-describedby'?: string };

/** The one way a control says it is invalid and where its message is: for controls without a Field (a list's row). */
export function fieldAria(errorId: string, error: string | null | undefined, describedBy?: string): FieldAria {
  if (!error) return describedBy ? { 'aria-describedby': describedBy } : {};
  return { 'aria-invalid': true, 'aria-describedby': [describedBy, errorId].filter(Boolean).join(' ') };
}

type ControlProps = { id?: string; 'aria-invalid'?: boolean | 'true' | 'false'; 'aria-describedby'?: string };

/**
 * The control a Field labels (the child whose id is the field's name) is
 * marked invalid and described by its error while there is one: every form's
 * fields, done here once.
 */
export function describeControl(children: ReactNode, id: string, error: string | null | undefined, errorId: string): ReactNode {
  if (!error) return children;
  return Children.map(children, (child) => {
    if (!isValidElement<ControlProps>(child) || child.props.id !== id) return child;
    return cloneElement(child as ReactElement<ControlProps>, fieldAria(errorId, error, child.props['aria-describedby']));
  });
}

/**
 * A labelled field with its error under it. `group` is for a control made of
 * several parts (the date and time fields): its label is a span the control
 * names itself by (`${name}-label`), and the control shows its own errors.
 */
export function Field(props: { name: string; label: string; error?: string | undefined; children: ReactNode; wide?: boolean; group?: boolean }) {
  const errorId = `${props.name}-error`;
  return (
    <FieldContext.Provider value={{ id: props.name, errorId, invalid: !!props.error }}>
      <div className={`field${props.wide ? ' wide' : ''}${props.error ? ' has-error' : ''}`} data-field={props.name}>
        {props.group ? (
          <span className="label" id={`${props.name}-label`}>
            {props.label}
          </span>
        ) : (
          <label htmlFor={props.name}>{props.label}</label>
        )}
        {props.group ? props.children : describeControl(props.children, props.name, props.error, errorId)}
        <FieldMessage id={errorId} message={props.error} />
      </div>
    </FieldContext.Provider>
  );
}

/** The one way a field's problem is shown: under it, translated, announced. */
export function FieldMessage({ id, message }: { id?: string; message: string | null | undefined }) {
  const { t } = useLocale();
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {translateMessage(t, message)}
    </p>
  );
}

/**
 * Puts the server's validation issues next to their fields, exactly like the
 * client's; anything without a field comes back as one translated line.
 */
export function applyServerError<T extends FieldValues>(failure: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(failure instanceof AppFailure)) return failureMessage(failure);
  const error = failure.error;
  if (error.kind !== 'validation') return error.kind === 'not_found' ? 'errors.not_found' : error.message;
  let general: string | null = null;
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (fields.includes(String(issue.path[0]))) setError(path as Path<T>, { type: 'server', message: issue.message });
    else general = issue.message;
  }
  return general ?? 'errors.fixBelow';
}

/** The one line to show for a failed call that has no field to sit next to. */
export function failureMessage(failure: unknown): string {
  if (!(failure instanceof AppFailure)) return 'errors.internal';
  const error = failure.error;
  if (error.kind === 'validation') return error.issues[0]?.message ?? 'errors.invalid';
  if (error.kind === 'not_found') return 'errors.not_found';
  return error.message;
}

/**
 * A screen's one line about its last action, the one way screens run an
 * action: `act(fn)` clears the line, runs `fn` (`busy` meanwhile), and if `fn`
 * fails says why in the user's language; it answers whether `fn` succeeded.
 */
export function useAction() {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setMessage(null);
    setBusy(true);
    try {
      await fn();
      return true;
    } catch (failure) {
      setMessage(failureMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { message, setMessage, busy, act };
}

/** A save refused because someone changed the record since it was loaded (the version check). */
const isStale = (message: string) => /^errors\.stale(By|At)?(\||$)/.test(message);

export function FormMessage({ message }: { message: string | null }) {
  const { t } = useLocale();
  if (!message) return null;
  return (
    <div className="form-message" role="alert">
      {translateMessage(t, message)}
      {/* The edit was made on an old copy: reloading shows what the other person saved, to redo the change on it. */}
      {isStale(message) ? (
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      ) : null}
    </div>
  );
}

export function SampleBadge({ sample }: { sample: 'real' | 'invented' | null }) {
  const { t } = useLocale();
  if (!sample) return null;
  return <span className={`badge sample-${sample}`}>{t(`common.sample_${sample}`)}</span>;
}

/** Blank inputs become undefined so optional numbers validate as "missing", not NaN. */
export const asNumber = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** Cancel and Save at the foot of a form; Save says "Saving…" while the call runs. */
export function FormActions({ onCancel, submitting }: { onCancel: () => void; submitting: boolean }) {
  const { t } = useLocale();
  return (
    <div className="actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="primary" disabled={submitting}>
        {submitting ? t('common.saving') : t('common.save')}
      </button>
    </div>
  );
}

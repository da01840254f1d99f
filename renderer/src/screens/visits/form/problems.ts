import { useFormContext, type FieldPath } from 'react-hook-form';
import { fieldAria } from '../../../components/form.tsx';
import type { Draft } from './draft.ts';

/**
 * A row field's problem (an agenda line's "what", a cost's amount): its
 * message, the id it is shown under, and the aria the control carries — the
 * row-line counterpart of Field, which does the same for labelled fields.
 */
export function useProblem(path: FieldPath<Draft>) {
  const form = useFormContext<Draft>();
  const message = form.getFieldState(path, form.formState).error?.message;
  const id = `${path.replaceAll('.', '-')}-error`;
  return { id, message, aria: fieldAria(id, message) };
}

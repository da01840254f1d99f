import type { PickKind } from '../../../../shared/contract/search.ts';
import { RecordPicker } from '../RecordPicker.tsx';

/**
 * A list's filter on one record (a partner, an agreement): the searchable picker, so it works
 * with any number of them, its value an id kept in the address ('' when emptied: no filter).
 */
export function RecordFilter(props: {
  kind: PickKind;
  id: string;
  label: string;
  /** Shown while empty: what the list holds without this filter ("Any partner"). */
  any: string;
  value: number | undefined;
  onChange: (param: string) => void;
  /** Agreements of this partner only. */
  partnerId?: number | undefined;
}) {
  return (
    <RecordPicker
      kind={props.kind}
      id={props.id}
      aria-label={props.label}
      placeholder={props.any}
      partnerId={props.partnerId}
      value={props.value ?? null}
      onChange={(id) => props.onChange(id === null ? '' : String(id))}
    />
  );
}

import { keepPreviousData } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { Button, ComboBox, ComboBoxStateContext, Input, ListBox, ListBoxItem, Popover, Text, type InputProps } from 'react-aria-components';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { PickKind, SearchHit } from '../../../shared/contract/search.ts';
import { formatNumber } from '../../../shared/format.ts';
import { foldText } from '../../../shared/text/fold.ts';
import { useCall } from '../api.ts';
import { useLocale } from '../i18n.ts';
import type { Labelled } from './DateField.tsx';
import { Field, FieldMessage } from './form.tsx';
import { hitText } from './search-hits.ts';
import { useDebounced } from './useDebounced.ts';
import './fields.css';

// One searchable picker for partners, agreements and contacts: what is typed is searched
// through the contract (`search.pick`, a page of 20, any script, pinyin too), so it scales to
// any number of records; nothing loads a whole table to fill a list.

const CREATE = '__create__';
const PAGE = 20;

export type RecordPickerProps = Labelled & {
  kind: PickKind;
  /** The chosen record's id, or null. */
  value: number | null;
  onChange: (id: number | null, hit: SearchHit | null) => void;
  onBlur?: () => void;
  isDisabled?: boolean;
  placeholder?: string | undefined;
  /** Agreements of this partner only. */
  partnerId?: number | undefined;
  /** Records not to offer (already chosen elsewhere, the record itself). */
  excludeIds?: readonly number[] | undefined;
  /** Offers "New …: «typed text»" at the end of the list; called with the text. */
  onCreate?: ((text: string) => void) | undefined;
  /** The create line's label, given the typed text. */
  createLabel?: ((text: string) => string) | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
};

export function RecordPicker(props: RecordPickerProps) {
  const { t, locale } = useLocale();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const typed = useDebounced(text.trim(), 120);
  const chosen = useCall('search.pick', { kind: props.kind, ids: props.value === null ? [] : [props.value] }, { enabled: props.value !== null });
  const chosenHit = props.value === null ? null : (chosen.data?.rows.find((r) => r.id === props.value) ?? null);
  const label = (hit: SearchHit | null) => (hit ? hitText(t, locale, hit).title : '');
  // While the input shows the chosen record's name, the list offers everything, not just that name.
  const showing = chosenHit !== null && text === label(chosenHit);
  const query = showing ? '' : typed;
  const found = useCall(
    'search.pick',
    { kind: props.kind, query, partnerId: props.partnerId, limit: PAGE },
    { enabled: open && !props.isDisabled, placeholderData: keepPreviousData },
  );
  const focused = useRef(false);
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = (el: HTMLInputElement | null) => {
    input.current = el;
    if (typeof props.inputRef === 'function') props.inputRef(el);
    else if (props.inputRef) props.inputRef.current = el;
  };

  // The input follows the value when it changes from outside (a form reset, a pre-selection), not while typing.
  useEffect(() => {
    if (!focused.current) setText(label(chosenHit));
  }, [chosenHit?.id, chosenHit?.name, locale]);

  const excluded = useMemo(() => new Set(props.excludeIds ?? []), [props.excludeIds]);
  const hits = (found.data?.rows ?? []).filter((h) => !excluded.has(h.id) || h.id === props.value);
  const canCreate = !!props.onCreate && text.trim() !== '' && !showing;
  type Item = { id: string; hit: SearchHit | null };
  const items: Item[] = [...hits.map((hit) => ({ id: String(hit.id), hit })), ...(canCreate ? [{ id: CREATE, hit: null }] : [])];
  const total = found.data?.total ?? 0;
  // Rows on screen are an earlier query's until this one answers: said to assistive technology (and to tests).
  const pending = open && ((!showing && typed !== text.trim()) || found.isFetching);
  const errorId = `${props.id}-error`;
  const moreId = `${props.id}-more`;
  const message = props.error ?? null;

  const choose = (key: string | number | null) => {
    if (key === null) return; // a typed text that matched nothing is settled on blur
    if (key === CREATE) {
      props.onCreate?.(text.trim());
      // Leave the field once React Aria has handled the choice, so its list closes and what the creation
      // opens is reachable (while the list is open, the rest of the page is hidden from assistive technology).
      setTimeout(() => input.current?.blur());
      return;
    }
    const hit = hits.find((h) => String(h.id) === String(key)) ?? null;
    setText(label(hit));
    props.onChange(hit ? hit.id : null, hit);
  };

  return (
    // Escape that closes the list is the list's: React Aria lets it go on (we allow custom values), and a dialog
    // around the picker would close too, with what was typed in it.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- not a control: it only keeps the list's Escape to the list
    <div
      className={`record-picker ${props.className ?? ''}`}
      data-record-picker={props.id}
      onKeyDown={(e) => (e.key === 'Escape' && open ? e.stopPropagation() : undefined)}
    >
      <ComboBox
        {...comboAria(props)}
        items={items}
        inputValue={text}
        onInputChange={setText}
        selectedKey={props.value === null ? null : String(props.value)}
        onSelectionChange={choose}
        onOpenChange={setOpen}
        allowsCustomValue
        allowsEmptyCollection
        menuTrigger="focus"
        isDisabled={props.isDisabled ?? false}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          // Emptied: no record. Typed without choosing: back to the chosen record's name.
          if (text.trim() === '') {
            if (props.value !== null) props.onChange(null, null);
          } else setText(label(chosenHit));
          props.onBlur?.();
        }}
      >
        <PickerGroup id={props.id} inputRef={setInput} placeholder={props.placeholder} />
        <Popover className="record-picker-popover" placement="bottom start">
          <ListBox<Item>
            className="record-picker-list"
            aria-busy={pending || undefined}
            renderEmptyState={() => <p className="record-picker-empty">{found.isFetching ? t('app.loading') : t('search.nothingFound')}</p>}
          >
            {(item) =>
              item.hit ? (
                <ListBoxItem id={item.id} textValue={label(item.hit)} className="record-picker-option">
                  <PickedLine hit={item.hit} />
                </ListBoxItem>
              ) : (
                <ListBoxItem id={item.id} textValue={text} className="record-picker-option record-picker-create">
                  {props.createLabel ? props.createLabel(text.trim()) : t('search.create', { text: text.trim() })}
                </ListBoxItem>
              )
            }
          </ListBox>
          {total > hits.length ? (
            <Text slot="description" id={moreId} className="record-picker-more">
              {t('search.more', { shown: formatNumber(hits.length, locale), total: formatNumber(total, locale) })}
            </Text>
          ) : null}
        </Popover>
      </ComboBox>
      <FieldMessage id={errorId} message={message} />
    </div>
  );
}

/** The ComboBox's names, its error read out with it, and its state, from the field's props. */
function comboAria(props: Labelled) {
  const message = props.error ?? null;
  return {
    'aria-label': props['aria-label'],
    'aria-labelledby': props['aria-labelledby'],
    'aria-describedby': [props['aria-describedby'], message ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined,
    isInvalid: !!message,
    isRequired: props.isRequired ?? false,
  };
}

/** The field itself: the text box and the button that shows the list. */
function PickerGroup(props: { id: string; inputRef?: Ref<HTMLInputElement> | undefined; placeholder?: string | undefined }) {
  const { t } = useLocale();
  return (
    <div className="record-picker-group">
      <PickerInput id={props.id} ref={props.inputRef} className="record-picker-input" placeholder={props.placeholder ?? t('search.pickPlaceholder')} />
      <Button className="record-picker-button" aria-label={t('search.showOptions')}>
        <span aria-hidden="true">▾</span>
      </Button>
    </div>
  );
}

/** A click in the field opens the list even when the field already has focus (after a refused save, focus lands there). */
function PickerInput(props: InputProps & { ref?: Ref<HTMLInputElement> | undefined }) {
  const state = useContext(ComboBoxStateContext);
  return <Input {...props} onClick={() => (state && !state.isOpen ? state.open(null, 'manual') : undefined)} />;
}

function PickedLine({ hit }: { hit: SearchHit }) {
  const { t, locale } = useLocale();
  const { title, detail } = hitText(t, locale, hit);
  // Plain text, no label/description slots: the option's name is all it shows (WCAG 2.5.3, label in name).
  return (
    <>
      <span>{title}</span>
      {detail ? <span className="muted">{detail}</span> : null}
    </>
  );
}

/** A picker for a react-hook-form field holding a record id (or null), labelled by Field. */
export function FormRecordPicker<T extends FieldValues, TOut extends FieldValues = T>(
  props: Omit<RecordPickerProps, 'value' | 'onChange' | 'onBlur' | 'id' | 'error' | 'inputRef'> & {
    control: Control<T, unknown, TOut>;
    name: Path<T>;
    label: string;
    id?: string;
    wide?: boolean;
  },
) {
  const { control, name, label, id, wide, ...picker } = props;
  const fieldId = id ?? name;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field name={fieldId} label={label} wide={wide ?? false} group>
          <RecordPicker
            {...picker}
            id={fieldId}
            aria-labelledby={`${fieldId}-label`}
            value={typeof field.value === 'number' ? field.value : null}
            onChange={(v) => field.onChange(v)}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        </Field>
      )}
    />
  );
}

/** Several records of one kind (a visit's agreements): the chosen ones listed with a remove button, a picker to add one. */
export function RecordMultiPicker(
  props: Omit<RecordPickerProps, 'value' | 'onChange' | 'excludeIds' | 'onCreate' | 'createLabel'> & {
    value: readonly number[];
    onChange: (ids: number[]) => void;
  },
) {
  const { t, locale } = useLocale();
  const { value, onChange, ...picker } = props;
  const chosen = useCall('search.pick', { kind: props.kind, ids: [...value] }, { enabled: value.length > 0, placeholderData: keepPreviousData });
  const byId = new Map((chosen.data?.rows ?? []).map((h) => [h.id, h]));
  return (
    <div className="record-multi-picker" data-record-multi-picker={props.id}>
      {value.length ? (
        <ul className="record-chips" aria-label={t('search.chosen')}>
          {value.map((id) => {
            const hit = byId.get(id);
            const text = hit ? hitText(t, locale, hit) : null;
            return (
              <li key={id} className="record-chip">
                <span>
                  {text?.title ?? '…'}
                  {text?.detail ? <span className="muted"> · {text.detail}</span> : null}
                </span>
                <button
                  type="button"
                  className="remove"
                  aria-label={t('search.remove', { name: text?.title ?? '' })}
                  onClick={() => onChange(value.filter((x) => x !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <RecordPicker
        {...picker}
        value={null}
        excludeIds={value}
        placeholder={props.placeholder ?? t('search.addPlaceholder')}
        onChange={(id) => (id === null ? undefined : onChange([...value, id]))}
      />
    </div>
  );
}

/**
 * A name from a short list kept in Settings (the staff, at most 100): the same field as the record picker,
 * filtered on this computer as typed, accent- and case-blind. The value is the name ('' for nobody).
 */
export function NamePicker(
  props: Labelled & {
    names: readonly string[];
    value: string;
    onChange: (name: string) => void;
    onBlur?: () => void;
    inputRef?: Ref<HTMLInputElement> | undefined;
    placeholder?: string;
  },
) {
  const { t } = useLocale();
  const items = props.names.map((name) => ({ id: name, name }));
  const errorId = `${props.id}-error`;
  const message = props.error ?? null;
  return (
    <div className={`record-picker ${props.className ?? ''}`} data-record-picker={props.id}>
      <ComboBox
        // defaultItems is read once: a staff list that arrives or changes later starts the field afresh.
        key={props.names.join('\n')}
        {...comboAria(props)}
        defaultItems={items}
        // Our fold, not the locale's collator: in Spanish ñ is its own letter, yet "nunez" should find Núñez.
        defaultFilter={(text, typed) => foldText(text).includes(foldText(typed))}
        selectedKey={props.value || null}
        onSelectionChange={(key) => props.onChange(key === null ? '' : String(key))}
        // Emptying the field is choosing nobody.
        onInputChange={(text) => (text === '' && props.value ? props.onChange('') : undefined)}
        onBlur={props.onBlur}
        menuTrigger="focus"
        allowsEmptyCollection
      >
        <PickerGroup id={props.id} inputRef={props.inputRef} placeholder={props.placeholder} />
        <Popover className="record-picker-popover" placement="bottom start">
          <ListBox<{ id: string; name: string }>
            className="record-picker-list"
            renderEmptyState={() => <p className="record-picker-empty">{t('search.nothingFound')}</p>}
          >
            {(item) => (
              <ListBoxItem id={item.id} textValue={item.name} className="record-picker-option">
                {item.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <FieldMessage id={errorId} message={message} />
    </div>
  );
}

import { useRef } from 'react';
import { useLocale } from '../i18n.ts';

/**
 * The office's people as a list: one row per name, renamed in place, removed with its own button,
 * added at the end (focus goes to the new row). Blank rows are dropped when the list is saved.
 */
export function StaffListEditor({ id, value, onChange, error }: { id: string; value: string[]; onChange: (names: string[]) => void; error?: string | null }) {
  const { t } = useLocale();
  const list = useRef<HTMLUListElement>(null);
  const add = () => {
    onChange([...value, '']);
    // After React has drawn the new row.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  return (
    <div className="staff-editor" data-testid={id}>
      <ul ref={list} className="staff-list" aria-labelledby={`${id}-label`}>
        {value.map((name, i) => (
          <li key={i} className="row-line">
            <input
              aria-label={t('firstrun.staff.person', { n: i + 1 })}
              value={name}
              maxLength={100}
              onChange={(e) => onChange(value.map((v, j) => (j === i ? e.target.value : v)))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <button
              type="button"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              aria-label={t('firstrun.staff.remove', { name: name || t('firstrun.staff.person', { n: i + 1 }) })}
            >
              {t('firstrun.staff.removeShort')}
            </button>
          </li>
        ))}
      </ul>
      {value.length === 0 ? <p className="muted">{t('firstrun.staff.empty')}</p> : null}
      <button type="button" onClick={add}>
        {t('firstrun.staff.add')}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The names to save: trimmed, blanks dropped, each once. */
export const cleanStaff = (names: string[]) => [...new Set(names.map((n) => n.trim()).filter(Boolean))];

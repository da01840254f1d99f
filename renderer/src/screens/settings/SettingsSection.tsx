import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

/**
 * The sections of Settings, in order: each is a panel with its own heading and its own save.
 * A link elsewhere in the app names one (`/settings?section=sample`) and the page opens there.
 * A new section is one line here and one <SettingsSection> on the screen.
 */
export const SETTINGS_SECTIONS = ['office', 'region', 'staff', 'signatures', 'server', 'users', 'dataFile', 'backups', 'logs', 'sample'] as const;
export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number];

export const settingsLink = (section: SettingsSectionId) => `/settings?section=${section}`;

export function SettingsSection({ id, children }: { id: SettingsSectionId; children: ReactNode }) {
  const { t } = useLocale();
  const [params] = useSearchParams();
  const heading = useRef<HTMLHeadingElement>(null);
  const wanted = params.get('section') === id;
  useEffect(() => {
    if (!wanted) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [wanted]);
  return (
    <section className={`panel settings-section${wanted ? ' wanted' : ''}`} aria-labelledby={`section-${id}`} data-section={id}>
      <h2 id={`section-${id}`} ref={heading} tabIndex={-1}>
        {t(`firstrun.settings.section.${id}`)}
      </h2>
      {children}
    </section>
  );
}

/** The links at the top of Settings to each of its sections. */
export function SettingsNav() {
  const { t } = useLocale();
  return (
    <nav className="settings-nav" aria-label={t('firstrun.settings.sections')}>
      <ul>
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s}>
            <a
              href={`#${settingsLink(s)}`}
              onClick={(e) => {
                // The page is already here: scroll to the section instead of routing to itself.
                const target = document.getElementById(`section-${s}`);
                if (!target) return;
                e.preventDefault();
                target.scrollIntoView({ block: 'start' });
                target.focus();
              }}
            >
              {t(`firstrun.settings.section.${s}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A section's result after saving: success announced politely in the success style, a failure as an alert. */
export type SaveResult = { ok: boolean; message: string; /** Already in the user's words. */ text?: string };

export function SaveStatus({ result }: { result: SaveResult | null }) {
  const { t } = useLocale();
  return (
    <>
      {/* Always present, so screen readers announce what appears in it. */}
      <div role="status" className="save-status">
        {result?.ok ? <p className="notice-ok">{result.text ?? translateMessage(t, result.message)}</p> : null}
      </div>
      {result && !result.ok ? <FormMessage message={result.message} /> : null}
    </>
  );
}

/** Runs a section's save and keeps its one result line. */
export function useSave() {
  const [result, setResult] = useState<SaveResult | null>(null);
  /** `save` answers the i18n key to show, `{ text }` when it wrote the words itself, or null for nothing. */
  const run = async (save: () => Promise<string | { text: string } | null>) => {
    setResult(null);
    try {
      const message = await save();
      setResult(message === null ? null : typeof message === 'string' ? { ok: true, message } : { ok: true, message: '', text: message.text });
    } catch (failure) {
      setResult({ ok: false, message: failureMessage(failure) });
    }
  };
  return { result, setResult, run };
}

/**
 * A section's form, the one shape of a section's save: its fields, then its result line, then its save
 * button (disabled while `pending`). Submitting runs `onSave` through the section's `useSave`.
 */
export function SectionForm(props: {
  section: SettingsSectionId;
  save: ReturnType<typeof useSave>;
  onSave: () => Promise<string | { text: string } | null>;
  pending: boolean;
  label: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <form
      className="form"
      noValidate
      aria-labelledby={`section-${props.section}`}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        void props.save.run(props.onSave);
      }}
    >
      {props.children}
      <SaveStatus result={props.save.result} />
      <div className="actions">
        <button type="submit" className="primary" disabled={props.pending}>
          {props.label}
        </button>
      </div>
    </form>
  );
}

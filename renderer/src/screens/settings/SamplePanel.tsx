import { formatNumber } from '../../../../shared/format.ts';
import { useMutate } from '../../api.ts';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { useLocale } from '../../i18n.ts';
import { SaveStatus, useSave } from './SettingsSection.tsx';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The sample data: loaded to try the app, removed again when the office starts for real. Removal
 * takes out only the sample's own rows, never one the user created or changed (and keeps a sample
 * record the user's records use).
 */
export function SamplePanel({ loaded }: { loaded: boolean | undefined }) {
  const { t, locale } = useLocale();
  const load = useMutate('sample.load');
  const remove = useMutate('sample.remove');
  const confirm = useConfirm();
  const { result, run } = useSave();
  const kinds = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([table, n]) => `${t(`exchange.entity.${table}`)} ${formatNumber(n, locale)}`)
      .join(' · ');
  return (
    <>
      <p>{loaded ? t('firstrun.sample.loadedHelp') : t('settings.sampleHelp')}</p>
      <SaveStatus result={result} />
      <div className="actions start">
        {loaded ? (
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() =>
              void run(async () => {
                const yes = await confirm({
                  title: t('firstrun.sample.confirmTitle'),
                  message: t('firstrun.sample.confirmMessage'),
                  action: t('firstrun.sample.remove'),
                  destructive: true,
                });
                if (!yes) return null;
                const { removed, kept } = await remove.mutateAsync({});
                const line = t('firstrun.sample.removed', { count: total(removed) });
                return { text: total(kept) ? `${line} ${t('firstrun.sample.kept', { count: total(kept), kinds: kinds(kept) })}` : line };
              })
            }
          >
            {remove.isPending ? t('firstrun.sample.removing') : t('firstrun.sample.remove')}
          </button>
        ) : (
          <button type="button" disabled={load.isPending} onClick={() => void run(async () => (await load.mutateAsync({}), 'settings.sampleLoaded'))}>
            {t('settings.loadSample')}
          </button>
        )}
      </div>
    </>
  );
}

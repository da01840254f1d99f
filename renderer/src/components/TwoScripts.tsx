import { nativeLang } from '../../../shared/names.ts';

/** A name with its native form after it, tagged with its language (see shared/names.ts). */
export function TwoScripts({ name, native, country }: { name: string; native: string | null | undefined; country?: string | null | undefined }) {
  const n = native?.trim();
  if (!n || n === name) return <>{name}</>;
  return (
    <>
      {name}{' '}
      <span className="native" lang={nativeLang(n, country) ?? undefined}>
        {n}
      </span>
    </>
  );
}

/** Only the native part, tagged, for where the romanized name is already shown before it (a link, a bold name). */
export function NativeName({ native, country }: { native: string | null | undefined; country?: string | null | undefined }) {
  const n = native?.trim();
  return n ? (
    <span className="native" lang={nativeLang(n, country) ?? undefined}>
      {n}
    </span>
  ) : null;
}

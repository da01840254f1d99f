import type { Kysely } from 'kysely';
import { fieldError } from '../../../shared/contract/result.ts';
import type { ReportAssetKind, ReportAssets } from '../../../shared/contract/reports.ts';
import type { DB } from '../db/schema.ts';
import type { ReportLogo } from './document.ts';
import { jpegSize, pngSize } from './png.ts';
import { readZipText, ZipRefused, type ZipLimits } from '../files/zip.ts';

// The logo and the house style live in the database file's settings table, so
// they travel with the data (a copied file prints the same reports) and work
// the same on the desktop and in `npm run web`, where the browser gives no paths.

const KEYS = { logo: 'reports.logo', houseStyle: 'reports.houseStyle' } as const;

type StoredLogo = { fileName: string; type: 'png' | 'jpg'; width: number; height: number; base64: string };
type StoredHouseStyle = { fileName: string; stylesXml: string };

async function read<T>(db: Kysely<DB>, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

async function write(db: Kysely<DB>, key: string, value: unknown) {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

export async function readAssets(db: Kysely<DB>): Promise<ReportAssets> {
  const logo = await read<StoredLogo>(db, KEYS.logo);
  const style = await read<StoredHouseStyle>(db, KEYS.houseStyle);
  return {
    logo: logo ? { fileName: logo.fileName, type: logo.type, width: logo.width, height: logo.height } : null,
    houseStyle: style ? { fileName: style.fileName } : null,
  };
}

/** What the document shell needs: the picture's bytes and the styles' XML. */
export async function loadAssetsForDocument(db: Kysely<DB>): Promise<{ logo: ReportLogo | null; houseStyleXml: string | null }> {
  const logo = await read<StoredLogo>(db, KEYS.logo);
  const style = await read<StoredHouseStyle>(db, KEYS.houseStyle);
  return {
    logo: logo ? { data: Buffer.from(logo.base64, 'base64'), type: logo.type, width: logo.width, height: logo.height } : null,
    houseStyleXml: style?.stylesXml ?? null,
  };
}

/** A Word document's styles are a few hundred KB at most; they are kept in the data file, so a bomb must not get there. */
const HOUSE_STYLE_LIMITS: ZipLimits = { entries: 2_000, partBytes: 4 * 1024 * 1024, totalBytes: 4 * 1024 * 1024 };

/** Checks a chosen file is what it claims, then stores it; a wrong file is refused with a message beside the field. */
export async function storeAsset(db: Kysely<DB>, kind: ReportAssetKind, fileName: string, base64: string): Promise<void> {
  const bytes = Buffer.from(base64, 'base64');
  if (kind === 'logo') {
    const png = pngSize(bytes);
    const jpg = png ? null : jpegSize(bytes);
    const size = png ?? jpg;
    if (!size || size.width < 1 || size.height < 1) throw fieldError(['base64'], 'reportsErrors.logo_format');
    await write(db, KEYS.logo, { fileName, type: png ? 'png' : 'jpg', width: size.width, height: size.height, base64 } satisfies StoredLogo);
    return;
  }
  let styles: string | null;
  try {
    styles = readZipText(bytes, 'word/styles.xml', HOUSE_STYLE_LIMITS);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw fieldError(['base64'], error.refusal.reason === 'notZip' ? 'reportsErrors.house_style_format' : 'reportsErrors.house_style_too_large');
  }
  if (!styles || !styles.includes('<w:styles')) throw fieldError(['base64'], 'reportsErrors.house_style_format');
  await write(db, KEYS.houseStyle, { fileName, stylesXml: styles } satisfies StoredHouseStyle);
}

export async function removeAsset(db: Kysely<DB>, kind: ReportAssetKind): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', KEYS[kind]).execute();
}

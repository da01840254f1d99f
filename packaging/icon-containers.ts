// The two icon containers the installers need, written by hand because both are a
// small header plus PNG images (Windows Vista+ reads PNG inside .ico; macOS 10.7+
// reads PNG inside .icns), which is less code than another dependency.

export type SizedPng = { size: number; png: Uint8Array };

/** A Windows .ico holding one PNG per size (ICONDIR, one ICONDIRENTRY each, then the images). */
export function encodeIco(images: SizedPng[]): Uint8Array {
  const headerBytes = 6 + 16 * images.length;
  const total = headerBytes + images.reduce((sum, i) => sum + i.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // 1 = icon
  view.setUint16(4, images.length, true);
  let offset = headerBytes;
  images.forEach(({ size, png }, index) => {
    if (size < 1 || size > 256) throw new Error(`An .ico image is 1 to 256 px, not ${size}`);
    const entry = 6 + 16 * index;
    view.setUint8(entry, size === 256 ? 0 : size); // 0 means 256
    view.setUint8(entry + 1, size === 256 ? 0 : size);
    view.setUint8(entry + 2, 0); // no palette
    view.setUint8(entry + 3, 0);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}

/** The .icns element types by pixel size; @2x types share their pixels with the plain one twice as large. */
export const ICNS_TYPES: { type: string; pixels: number }[] = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'ic11', pixels: 32 }, // 16@2x
  { type: 'icp6', pixels: 64 },
  { type: 'ic12', pixels: 64 }, // 32@2x
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic13', pixels: 256 }, // 128@2x
  { type: 'ic09', pixels: 512 },
  { type: 'ic14', pixels: 512 }, // 256@2x
  { type: 'ic10', pixels: 1024 }, // 512@2x
];

/** A macOS .icns: 'icns' + total length, then one (type, length, PNG) element per entry; lengths are big-endian. */
export function encodeIcns(pngOf: (pixels: number) => Uint8Array): Uint8Array {
  const elements = ICNS_TYPES.map(({ type, pixels }) => ({ type, png: pngOf(pixels) }));
  const total = 8 + elements.reduce((sum, e) => sum + 8 + e.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const ascii = (text: string, at: number) => out.set(new TextEncoder().encode(text), at);
  ascii('icns', 0);
  view.setUint32(4, total);
  let offset = 8;
  for (const { type, png } of elements) {
    ascii(type, offset);
    view.setUint32(offset + 4, 8 + png.length);
    out.set(png, offset + 8);
    offset += 8 + png.length;
  }
  return out;
}

/** Reads an .ico's directory back: what a test checks the installers will find. */
export function readIcoSizes(ico: Uint8Array): number[] {
  const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
  if (view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error('Not an .ico file');
  return Array.from({ length: view.getUint16(4, true) }, (_, i) => view.getUint8(6 + 16 * i) || 256);
}

/** Reads an .icns's element types back, checking that the lengths add up. */
export function readIcnsTypes(icns: Uint8Array): string[] {
  const view = new DataView(icns.buffer, icns.byteOffset, icns.byteLength);
  const text = (at: number) => new TextDecoder().decode(icns.subarray(at, at + 4));
  if (text(0) !== 'icns' || view.getUint32(4) !== icns.length) throw new Error('Not an .icns file');
  const types: string[] = [];
  for (let offset = 8; offset < icns.length; offset += view.getUint32(offset + 4)) types.push(text(offset));
  return types;
}

// Every icon file the app and its installers use, drawn from one source: resources/icon.svg.
// `npm run icons` writes them; test/unit/packaging.test.ts renders them again and fails if a
// committed file differs from what the drawing gives, so an edited drawing cannot be forgotten.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { encodeIco, encodeIcns } from './icon-containers.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const ICON_SOURCE = path.join(ROOT, 'resources/icon.svg');

/** Linux (AppImage, deb) take a folder of NxN.png; the .ico sizes are those Windows asks for in lists, taskbar and installers. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const FAVICON_SIZES = [16, 32, 48];

export function renderPng(svg: string, pixels: number): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'width', value: pixels }, font: { loadSystemFonts: false } }).render().asPng();
}

/** The files to write, relative to the repo root, with their bytes. */
export function iconFiles(svg: string): Map<string, Uint8Array> {
  const cache = new Map<number, Uint8Array>();
  const png = (pixels: number) => cache.get(pixels) ?? cache.set(pixels, renderPng(svg, pixels)).get(pixels)!; // set() returns the map holding it
  const files = new Map<string, Uint8Array>();
  for (const size of PNG_SIZES) files.set(`resources/icons/${size}x${size}.png`, png(size));
  files.set('resources/icon.png', png(512));
  files.set('resources/icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  files.set('resources/icon.icns', encodeIcns(png));
  // The web mode's and the window's own icon, copied by Vite from renderer/public into out/renderer.
  files.set('renderer/public/favicon.ico', encodeIco(FAVICON_SIZES.map((size) => ({ size, png: png(size) }))));
  files.set('renderer/public/icon.png', png(256));
  return files;
}

if (import.meta.main) {
  const svg = fs.readFileSync(ICON_SOURCE, 'utf8');
  for (const [file, bytes] of iconFiles(svg)) {
    fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, file), bytes);
    console.log(`${file} (${bytes.length} bytes)`);
  }
}

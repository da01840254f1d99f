import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Services } from '../../electron/core/services.ts';
import { startWebServer } from '../../electron/core/web/server.ts';

/** Debian's Chromium with the flags this machine needs (see TOOLCHAIN.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Serves the built renderer over `services` and hands a Chromium page to `measure`;
 * says so and skips when the renderer is not built.
 */
export async function withRendererPage(
  services: Services,
  viewport: { width: number; height: number },
  measure: (page: Page, url: string) => Promise<void>,
): Promise<void> {
  const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.log('  (renderer not built: skipping the Chromium figure; npm run bench builds it)');
    return;
  }
  const server = await startWebServer({ services, rendererDir });
  const browser = await launchChromium();
  try {
    await measure(await browser.newPage({ viewport }), server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

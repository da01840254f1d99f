import { createI18n } from '../../shared/i18n/index.ts';
import { axeViolations, expect, test } from './fixtures.ts';

// `npm run web` opened without the address it printed: the page says exactly where
// to go, in the browser's language, and nothing else (was: "Could not reach the
// data service" and "Unexpected error; nothing was saved").
const cases = [
  { locale: 'es-419', language: 'es' },
  { locale: 'pt-BR', language: 'pt' },
  { locale: 'en-US', language: 'en' },
] as const;

for (const { locale, language } of cases) {
  test(`without its token the page only says to open the printed address (${locale})`, async ({ browser, server }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const calls: string[] = [];
    page.on('request', (r) => void (r.url().includes('/api/') && calls.push(r.url())));
    await page.goto(new URL('/', server.url).href);
    const expected = createI18n(language).t('web.noToken');
    await expect(page.locator('body')).toHaveText(expected);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    expect(calls).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`no-token-${locale}.png`) });
    await context.close();
  });
}

test('a token the server does not know (a page kept from an earlier run) gets the same single message', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'es-419' });
  const page = await context.newPage();
  await page.goto(new URL('/#token=from-an-earlier-run', server.url).href);
  await expect(page.locator('body')).toHaveText(createI18n('es').t('web.noToken'));
  await context.close();
});

// Axe (WCAG 2.1 A/AA rules) over every screen of the app, in Spanish: 0 critical and 0 serious
// violations each. A new screen is one line in SCREENS: its address, what shows it is ready, and
// (if it is a dialog, or a form showing its errors) what to do first. Minor and moderate findings
// are printed, not failed.
import { test as base, type Page } from '@playwright/test';
import { axeViolations, callApi, expect, startServer } from './fixtures.ts';

type Screen = {
  name: string;
  /** The app address (after `#`); a function when it names a record of the sample data. */
  path: string | ((page: Page) => Promise<string>);
  /** A selector that shows the screen has its data. */
  ready: string;
  /** What the user does before the scan: open a dialog, press Save on an empty form. */
  act?: (page: Page) => Promise<void>;
  /** Scan only this part (a dialog), the screen behind it being scanned on its own line. */
  within?: string;
  /** A new, empty file instead of the sample office (the set-up and empty screens). */
  empty?: true;
};

const firstId = async (page: Page, call: string, input: unknown = {}) => {
  const value = await callApi<{ rows: { id: number }[] }>(page, call, input);
  return value.rows[0]!.id;
};
const save = (page: Page) => page.getByRole('button', { name: 'Guardar', exact: true }).first().click();

export const SCREENS: Screen[] = [
  { name: 'first-run set-up', path: '/', ready: '[data-testid="setup"]', empty: true },
  {
    name: 'first-run set-up with errors',
    path: '/',
    ready: '[data-testid="setup"] .field-error',
    empty: true,
    act: (p) => p.getByRole('button', { name: 'Empezar' }).click(),
  },
  { name: 'empty Home', path: '/', ready: '[data-testid="first-steps"]', empty: true, act: (p) => p.getByRole('button', { name: 'Más tarde' }).click() },
  { name: 'empty agreements', path: '/agreements', ready: '.empty', empty: true },
  { name: 'Home', path: '/', ready: '[data-testid="home-week"]' },
  { name: 'agreements', path: '/agreements', ready: '[data-agreement-id]' },
  { name: 'agreement detail', path: async (p) => `/agreements/${await firstId(p, 'agreements.list')}`, ready: '[data-testid="stage-history"]' },
  { name: 'agreement form with errors', path: '/agreements/new', ready: '.form', act: save },
  { name: 'visits', path: '/visits', ready: '[data-visit-id]' },
  { name: 'visit detail', path: async (p) => `/visits/${await firstId(p, 'visits.list')}`, ready: '[data-testid="participants"]' },
  { name: 'visit form with errors', path: '/visits/new', ready: '.form', act: save },
  { name: 'tasks', path: '/tasks?view=all', ready: '.task-line' },
  { name: 'task form', path: '/tasks', ready: '[data-testid="task-form"]', act: (p) => p.getByRole('button', { name: 'Nueva tarea' }).click() },
  { name: 'contacts', path: '/contacts', ready: '[data-contact-id]' },
  {
    name: 'contact form with errors',
    path: '/contacts',
    ready: '[data-testid="contact-form"] .field-error',
    act: async (p) => (await p.getByRole('button', { name: 'Nuevo contacto' }).click(), save(p)),
  },
  { name: 'commitments', path: '/commitments', ready: '[data-commitment-id]' },
  { name: 'commitments, all', path: '/commitments/all', ready: '[data-commitment-id]' },
  { name: 'commitment totals', path: '/commitments/totals', ready: '[data-testid="commitment-totals"]' },
  {
    name: 'commitment detail',
    path: async (p) => `/commitments/${await firstId(p, 'commitments.list', { view: 'all' })}`,
    ready: '[data-testid="commitment-progress"]',
  },
  { name: 'commitment form with errors', path: '/commitments/new', ready: '.form', act: save },
  { name: 'localities', path: '/localities', ready: 'table tbody tr' },
  {
    name: 'partner page',
    path: async (p) => `/localities/${(await callApi<{ rows: { partnerId: number }[] }>(p, 'agreements.list', {})).rows[0]!.partnerId}`,
    ready: '[data-testid="partner-timeline"] li.story-item',
  },
  { name: 'contact page', path: async (p) => `/contacts/${await firstId(p, 'contacts.list')}`, ready: '[data-testid="contact-visits"]' },
  {
    name: 'locality dialog',
    path: '/localities',
    ready: '[role="dialog"]',
    within: '[role="dialog"]',
    act: (p) => p.getByRole('button', { name: 'Nueva localidad' }).click(),
  },
  { name: 'calendar', path: '/calendar', ready: '.calendar-frame[data-loading="false"] [class*="entry-"]' },
  {
    name: 'calendar event dialog',
    path: '/calendar',
    ready: '[role="dialog"]',
    within: '[role="dialog"]',
    act: (p) => p.getByRole('button', { name: 'Nuevo evento' }).click(),
  },
  { name: 'reports', path: '/reports', ready: '.screen h1' },
  { name: 'import / export', path: '/data', ready: '.screen h1' },
  { name: 'map', path: '/map', ready: '.world-map a.pin' },
  { name: 'map, zoomed to the partners', path: '/map?view=partners', ready: '.world-map a.pin[data-stage="active"]' },
  {
    name: 'global search with a pinyin query',
    path: '/',
    ready: '.search-modal [role="option"]',
    within: '.search-modal',
    act: async (p) => {
      await p
        .getByRole('button', { name: /Buscar/ })
        .first()
        .click();
      await p.keyboard.type('shanghai');
    },
  },
  { name: 'help', path: '/', ready: '.help-dialog', within: '.help-modal', act: (p) => p.getByRole('button', { name: 'Ayuda' }).click() },
  { name: 'settings', path: '/settings', ready: '[data-testid="office-form"]' },
  {
    name: 'confirm dialog',
    path: '/settings?section=sample',
    ready: '[role="alertdialog"]',
    within: '[role="alertdialog"]',
    act: (p) => p.locator('[data-section="sample"]').getByRole('button', { name: 'Quitar los datos de ejemplo' }).click(),
  },
];

/**
 * Findings on screens another helper is fixing right now (issue 16), by screen and axe rule, with
 * who fixes them. Each is still asserted: when the fix lands the test says to delete the line,
 * so this list only ever shrinks.
 */
const KNOWN: Record<string, { rules: string[]; owner: string }> = {};

type Servers = { demo: { url: string }; empty: { url: string } };

// One sample office and one empty file for the whole list: the scans only read.
const test = base.extend<{}, { servers: Servers }>({
  servers: [
    async ({}, use) => {
      const [demo, empty] = await Promise.all([startServer({ demo: true }), startServer()]);
      await use({ demo, empty });
      await Promise.all([demo.stop(), empty.stop()]);
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'parallel' });

for (const screen of SCREENS) {
  test(`axe: ${screen.name}`, async ({ page, servers }, testInfo) => {
    const server = screen.empty ? servers.empty : servers.demo;
    await page.goto(server.url);
    await expect(page.locator('nav.sidebar')).toBeVisible();
    const path = typeof screen.path === 'string' ? screen.path : await screen.path(page);
    await page.goto(page.url().replace(/#.*$/, `#${path}`));
    await screen.act?.(page);
    await expect(page.locator(screen.ready).first()).toBeVisible();
    const found = await axeViolations(page, screen.within);
    const blocking = found.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    testInfo.annotations.push({
      type: 'axe',
      description: `${screen.name}: ${blocking.length} critical/serious, ${found.length - blocking.length} minor/moderate ${JSON.stringify(found.map((v) => `${v.impact} ${v.id}`))}`,
    });
    console.log(`axe ${screen.name}: ${JSON.stringify(found.map((v) => ({ impact: v.impact, id: v.id, nodes: v.nodes.length, first: v.nodes.slice(0, 3) })))}`);
    const known = KNOWN[screen.name];
    const unexpected = blocking.filter((v) => !known?.rules.includes(v.id));
    expect(unexpected).toEqual([]);
    const fixed = (known?.rules ?? []).filter((rule) => !blocking.some((v) => v.id === rule));
    expect(fixed, `fixed on "${screen.name}" (${known?.owner}): delete it from KNOWN in test/e2e/a11y.spec.ts`).toEqual([]);
  });
}

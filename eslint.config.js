// @ts-check
// The project's lint: typescript-eslint's strict type-checked rules, React's
// hooks rules, jsx-a11y, and the architecture of README's folder table as
// import boundaries. `npm run lint` (part of `npm test`) allows no warning.
// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 (the
// native compiler, our `tsc`) does not ship yet: `typescript` in package.json is
// Microsoft's @typescript/typescript6 (the 6.0 API, kept for such tools), and
// `typescript-7` is the compiler `npm run typecheck` runs.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers in templates are ids, counts and keys; what people read goes through shared/format.ts.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is how React handlers are written.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `const { id: _, ...rest } = row` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // TypeScript itself refuses undefined names; the rule knows nothing of types (typescript-eslint's advice).
      'no-undef': 'off',
      // Off: a handler or host function is `async` so that it always answers a Promise and a throw inside it
      // becomes a rejection the caller's catch sees; callers rely on that, await or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false }, globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['test/**'],
    rules: {
      // A fixture that is not there fails the test on the spot; a guard would only restate the expectation.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // vitest's asymmetric matchers (expect.stringContaining, expect.any…) are typed `any` by vitest itself.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Off: it says only that the React Compiler would skip a component using react-hook-form's watch();
      // we do not build with the React Compiler.
      'react-hooks/incompatible-library': 'off',
      // An error like every other rule (the recommended set warns): the lint allows no warning either way.
      'react-hooks/exhaustive-deps': 'error',
      // A scrolling box whose rows are reached by virtual focus (a combobox's results) is itself focusable, as a
      // labelled region, so the keyboard can scroll it (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions },
  },
  {
    // The layers of README's folder table. A file belongs to the first element whose pattern matches it.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['shared/**', 'renderer/**', 'electron/**', 'migrations/**', 'test/**', 'packaging/**'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared' },
        { type: 'renderer', pattern: 'renderer' },
        { type: 'migrations', pattern: 'migrations' },
        { type: 'shell', pattern: 'electron/shell' },
        // Each feature is an element of its own (captured by name), so another feature's files can be told apart.
        { type: 'feature', pattern: 'electron/core/features/*', capture: ['name'] },
        { type: 'core', pattern: 'electron/core' },
        { type: 'electron-entry', pattern: 'electron' },
        { type: 'test', pattern: 'test' },
        { type: 'packaging', pattern: 'packaging' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          // Node built-ins and packages too (electron, node:fs), not only our own files.
          checkAllOrigins: true,
          policies: [
            // shared/ runs in Node and in the renderer: nothing of ours outside itself, no Node built-ins.
            { from: { element: { type: 'shared' } }, disallow: { to: { element: { type: '!shared' } } } },
            { from: { element: { type: 'shared' } }, disallow: { to: { module: { origin: 'core' } } } },
            // The renderer reaches the rest only through the contract in shared/.
            { from: { element: { type: 'renderer' } }, disallow: { to: { element: { types: { noneOf: ['renderer', 'shared'] } } } } },
            { from: { element: { type: 'renderer' } }, disallow: { to: { module: { origin: 'core' } } } },
            // Domain logic is plain Node: never the shell nor the renderer.
            { from: { element: { types: { anyOf: ['core', 'feature'] } } }, disallow: { to: { element: { types: { anyOf: ['renderer', 'shell'] } } } } },
            // Migrations are frozen history: they import nothing of the app (libraries only).
            { from: { element: { type: 'migrations' } }, disallow: { to: { element: { type: '!migrations' } } } },
            // Electron's binary is absent in tests, the CLI and the web server: only the shell may import it.
            { from: { element: { type: '!shell' } }, disallow: { to: { module: { origin: 'external', source: 'electron' } } } },
            // A feature reaches another only through that feature's public.ts, never its queries or stores;
            // a feature's sample.ts is the other entry point, the hook the sample data calls (sample/extensions.ts).
            {
              from: { element: { type: 'feature' } },
              disallow: {
                to: { element: { type: 'feature', captured: { name: '!{{ from.element.captured.name }}' } }, file: { path: '!**/{public,sample}.ts' } },
              },
            },
          ],
        },
      ],
    },
  },
);

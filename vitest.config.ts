import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Builds out/ when it is missing or older than the sources (test/support/fresh-build.ts).
    globalSetup: ['test/support/fresh-build.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});

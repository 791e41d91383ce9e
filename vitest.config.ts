import { configDefaults, defineConfig } from 'vitest/config';

/**
 * On PostgreSQL (DATABASE_URL set) the tests that reach a database run again: the integration tests
 * and, of the browser tests, the journey of a whole round. The unit and golden tests touch no
 * database (pure logic), and the other browser tests drive the UI, which is the same on either
 * database while every query they reach is tested on both by the integration tests. That keeps CI's
 * two passes within its time.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * Integration tests whose subject does not depend on the database they read from, so the
 * PostgreSQL pass would repeat them: which proxy headers are believed, the figures against R, the
 * syntax files in R and PSPP, and the layout of the wide report files. The queries they reach are
 * run on PostgreSQL by the other integration tests (results, microdata, downloads).
 */
const sameOnEitherDatabase = [
  'tests/integration/forwarded-headers.test.ts',
  'tests/integration/result-figures-r.test.ts',
  'tests/integration/microdata-syntax.test.ts',
  'tests/integration/result-wide-downloads.test.ts',
];

export default defineConfig({
  test: {
    include: onPostgres ? ['tests/integration/**/*.test.ts', 'tests/browser/round-journey.test.ts'] : ['tests/**/*.test.ts'],
    exclude: onPostgres ? [...configDefaults.exclude, ...sameOnEitherDatabase] : configDefaults.exclude,
    // Builds the UI when its sources changed, so `npm test` always drives the current UI.
    globalSetup: ['tests/support/global-setup.ts'],
    // Tests that start `npx sipas` child processes (PGlite initdb, migrations) share two cores
    // with Chromium in the browser tests; under load 30 s was not always enough for them.
    testTimeout: 60_000,
    // Browser tests poll for what a page shows; a shared, busy machine can take seconds to draw it.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // Two cores: PGlite instances are memory-hungry WASM, so keep the worker count modest.
    maxWorkers: 2,
  },
});

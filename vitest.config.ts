import { defineConfig } from 'vitest/config';

/**
 * On PostgreSQL (DATABASE_URL set) the browser tests run only the journey of a whole round: the
 * other browser tests drive the UI, which is the same on either database, and every query they
 * reach is tested on both by the integration tests. That keeps CI's two passes within its time.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: onPostgres ? ['tests/{unit,integration,golden}/**/*.test.ts', 'tests/browser/round-journey.test.ts'] : ['tests/**/*.test.ts'],
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

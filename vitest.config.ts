import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
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

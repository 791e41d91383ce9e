/**
 * Hostile input, a short run (npm run fuzz does 10,000+): generated bad requests to every route
 * the app serves, as every kind of caller. None may answer 5xx or show a stack trace, none may
 * succeed in changing anything, every 4xx must be a worded problem, and a 400 about a field must
 * name it. The database must be exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { changedTables, databaseFingerprint } from '../support/fuzz/fingerprint.ts';
import { fuzzEveryRoute, prepareFuzz, runsFor } from '../support/fuzz/run.ts';

const { app, database } = useTestApp();
const seed = Number(process.env.FUZZ_SEED ?? 20251);

describe('every route under generated bad requests', () => {
  it('answers with worded 4xx naming the field at fault, never 5xx, and leaves the database unchanged', async () => {
    const context = await prepareFuzz(app(), database().db);
    const before = await databaseFingerprint(database().db);
    const tally = await fuzzEveryRoute(context, { runsPerRoute: 6, seed });
    const after = await databaseFingerprint(database().db);
    expect(tally.violations.slice(0, 5), `seed ${seed}`).toEqual([]);
    expect(changedTables(before, after)).toEqual([]);
    expect(tally.requests).toBe(app().routeCatalogue.reduce((n, r) => n + runsFor(r, 6), 0));
    expect(tally.fieldsNamed).toBeGreaterThan(0);
    expect(tally.faultyQueries).toBeGreaterThan(0);
  }, 300_000);
});

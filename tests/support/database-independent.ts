/**
 * Tests that never touch DATABASE_URL's server (the command line on its own PGlite folder, CSV
 * analysis, PGlite's own durability) give the same answer in both passes of CI; they run in the
 * PGlite pass and are skipped in the PostgreSQL one, which keeps CI within its time.
 */
import { describe } from 'vitest';

export const describeOnPgliteOnly = describe.skipIf(Boolean(process.env.DATABASE_URL));

/** Tests of what PostgreSQL alone has (a snapshot held across queries on one pooled connection): skipped in the PGlite pass. */
export const describeOnPostgresOnly = describe.skipIf(!process.env.DATABASE_URL);

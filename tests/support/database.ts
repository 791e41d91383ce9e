/**
 * A fresh, migrated and seeded database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again when the file is done).
 *
 * The test run migrates and seeds one database first (`prepareDatabaseTemplate`, in the global
 * setup), and each file's database starts from it: on PGlite from an image of its data folder
 * (skipping initdb, about 1.5 s a file), on PostgreSQL as a copy (`create database … template`).
 * Where that template is goes to the test processes in the environment; the checks and benchmarks
 * that open test databases outside the test runner find none and build their own.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { seedDatabase } from '../../db/seed/index.ts';
import { seededQuestionnaires } from '../../db/seed/questionnaires/index.ts';
import { rememberDemoLinks } from './submissions.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The database's URL on PostgreSQL (another connection pool can open it); undefined on in-memory PGlite. */
  url?: string;
  /** Empties what tests write, keeping the seeded reference and demo data. */
  reset(): Promise<void>;
}

const IMAGE_VARIABLE = 'SIPAS_TEST_PGLITE_IMAGE';
const TEMPLATE_VARIABLE = 'SIPAS_TEST_POSTGRES_TEMPLATE';

/**
 * A new database on the server at `url`, empty or a copy of the database `template`; `drop()`
 * removes it (and ends its connections).
 */
export async function createPostgresDatabase(
  url: string,
  prefix = 'sipas_test',
  template?: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Migrates and seeds the run's template (on the server named by DATABASE_URL, else a PGlite image); returns how to remove it. */
export async function prepareDatabaseTemplate(): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  const created = serverUrl ? await createPostgresDatabase(serverUrl, 'sipas_template') : undefined;
  const handle = await openDatabase(created ? { url: created.url } : {});
  await handle.migrate();
  await seedDatabase(handle.db);
  const image = await handle.memoryImage?.();
  // No connection may stay open on a template while databases are copied from it.
  await handle.close();
  if (created) {
    process.env[TEMPLATE_VARIABLE] = created.name;
    return async () => {
      delete process.env[TEMPLATE_VARIABLE];
      await created.drop();
    };
  }
  const path = join(tmpdir(), `sipas-test-database-${process.pid}.tar`);
  writeFileSync(path, new Uint8Array(await image!.arrayBuffer()), { mode: 0o600 });
  process.env[IMAGE_VARIABLE] = path;
  return async () => {
    delete process.env[IMAGE_VARIABLE];
    rmSync(path, { force: true });
  };
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const template = process.env[TEMPLATE_VARIABLE];
  const image = process.env[IMAGE_VARIABLE];
  const created = serverUrl ? await createPostgresDatabase(serverUrl, 'sipas_test', template) : undefined;
  const handle = await openDatabase(created ? { url: created.url } : image ? { memoryImage: new Blob([readFileSync(image)]) } : {});
  const fromTemplate = serverUrl ? Boolean(template) : Boolean(image);
  // Both are no-ops on a copy of the template, which is migrated and seeded already.
  if (!fromTemplate) {
    await handle.migrate();
    await seedDatabase(handle.db);
  }
  await rememberDemoLinks(handle.db);
  return {
    ...handle,
    url: created?.url,
    async reset() {
      const { sql } = await import('drizzle-orm');
      await handle.db.execute(
        sql`truncate plan_entries, lead_agencies, responses, free_text_categories, form_entries, paper_forms, batches, sample_targets, round_frames, round_sample_plan, sessions, audit_log, users, log_in_failures, log_in_pressure, password_resets restart identity cascade`,
      );
      // Versions tests uploaded go; the versions the platform ships stay.
      const shipped = seededQuestionnaires().map((q) => q.version);
      // A round a test made on an uploaded version goes with it (with its links), or the version could not.
      const onUploaded = sql`select round_id from round_questionnaires where questionnaire_version not in ${shipped}`;
      await handle.db.execute(sql`delete from survey_links where round_id in (${onUploaded})`);
      await handle.db.execute(sql`delete from survey_rounds where id in (${onUploaded})`);
      await handle.db.execute(sql`delete from questionnaire_items where version not in ${shipped}`);
      await handle.db.execute(sql`delete from questionnaire_versions where version not in ${shipped}`);
      // What demo loads were recorded goes with the responses they added.
      await handle.db.execute(sql`delete from installation_facts where key like 'demo_responses:%'`);
      await handle.db.execute(sql`update survey_rounds set status = 'open', closed_at = null, keying_closed_at = null`);
      await handle.db.execute(sql`update survey_links set active = true, disabled_at = null`);
    },
    async close() {
      await handle.close();
      await created?.drop();
    },
  };
}

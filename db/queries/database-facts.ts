/**
 * What a backup says about the database it holds, and what a restore checks again: the schema's
 * migration level, and for every table its row count and a fingerprint of its rows.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';

export interface MigrationLevel {
  /** Migrations applied. */
  count: number;
  /** drizzle's `created_at` of the newest one: the `when` of its entry in db/migrations/meta/_journal.json. */
  latest: number | null;
}

export interface TableFacts {
  rows: number;
  /** md5 over the md5 of each row's text, in sorted order: equal rows give an equal fingerprint, whatever their order on disk. */
  fingerprint: string;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function migrationLevel(db: Database): Promise<MigrationLevel> {
  const present = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`));
  if (!present[0]?.present) return { count: 0, latest: null };
  const [row] = rowsOf<{ count: number; latest: string | null }>(
    await db.execute(sql`select count(*)::int as count, max(created_at)::text as latest from drizzle.__drizzle_migrations`),
  );
  return { count: Number(row.count), latest: row.latest === null ? null : Number(row.latest) };
}

/** Every table of the application's schema, with its row count and fingerprint, by name. */
export async function tableFacts(db: Database): Promise<Record<string, TableFacts>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  const facts: Record<string, TableFacts> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ rows: number; fingerprint: string }>(
      await db.execute(sql`
      select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as fingerprint
      from ${sql.identifier(name)} t`),
    );
    facts[name] = { rows: Number(row.rows), fingerprint: row.fingerprint };
  }
  return facts;
}

/** Responses per channel, for people reading a backup's description. */
export async function responsesByChannel(db: Database): Promise<Record<string, number>> {
  const present = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('public.responses') is not null as present`));
  if (!present[0]?.present) return {};
  const rows = rowsOf<{ channel: string; n: number }>(
    await db.execute(sql`select channel, count(*)::int as n from responses group by channel order by channel`),
  );
  return Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
}

export async function serverVersion(db: Database): Promise<string> {
  const [row] = rowsOf<{ version: string }>(await db.execute(sql`select current_setting('server_version') as version`));
  return row.version;
}

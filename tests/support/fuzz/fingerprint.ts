/**
 * A checksum of everything stored: each table's rows as text, sorted. Sessions leave out when they
 * were last seen (touched once a minute by any request of a logged-in user, which is not damage).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export async function databaseFingerprint(db: Database): Promise<Map<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  const sums = new Map<string, string>();
  for (const { name } of tables) {
    const source = name === 'sessions' ? sql`(select token_hash, user_id, csrf_token, created_at, expires_at from sessions)` : sql.identifier(name);
    const [row] = rowsOf<{ n: number; sum: string | null }>(
      await db.execute(sql`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as sum from ${source} t`),
    );
    sums.set(name, `${row.n}:${row.sum ?? '-'}`);
  }
  return sums;
}

/** The tables whose content differs between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
}

/** Every row of every table as text, one per line: to look for what must not be stored. */
export async function everyRowAsText(db: Database): Promise<string> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  const lines: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf<{ row: string }>(await db.execute(sql`select t::text as row from ${sql.identifier(name)} t`));
    lines.push(...rows.map((r) => `${name}: ${r.row}`));
  }
  return lines.join('\n');
}

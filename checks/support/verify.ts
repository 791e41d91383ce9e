/**
 * What the harnesses check once the sending is over, read straight from the database: every
 * acknowledged response is stored, none twice, nothing stored that was not sent, each with the
 * content that was sent.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseOptions } from '../../db/client.ts';

export interface StoredCheck {
  sent: number;
  acknowledged: number;
  storedRows: number;
  storedDistinct: number;
  missing: number;
  duplicates: number;
  notSent: number;
  changedContent: number;
  ok: boolean;
}

/** `baseline`: ids stored before the sending began (the demo data), left out of every count. */
export async function checkStored(
  options: DatabaseOptions,
  sentHashes: Map<string, string>,
  acknowledged: Set<string>,
  baseline: Set<string>,
): Promise<StoredCheck> {
  const database = await openDatabase(options);
  try {
    const result = await database.db.execute(sql`select id::text as id, content_hash from responses`);
    const rows = (result as unknown as { rows: Array<{ id: string; content_hash: string }> }).rows.filter((r) => !baseline.has(r.id));
    const stored = new Map(rows.map((r) => [r.id, r.content_hash]));
    const missing = [...acknowledged].filter((id) => !stored.has(id)).length;
    const notSent = [...stored.keys()].filter((id) => !sentHashes.has(id)).length;
    const changedContent = [...stored].filter(([id, hash]) => sentHashes.has(id) && sentHashes.get(id) !== hash).length;
    const check = {
      sent: sentHashes.size,
      acknowledged: acknowledged.size,
      storedRows: rows.length,
      storedDistinct: stored.size,
      missing,
      duplicates: rows.length - stored.size,
      notSent,
      changedContent,
    };
    return { ...check, ok: missing === 0 && check.duplicates === 0 && notSent === 0 && changedContent === 0 && stored.size === acknowledged.size };
  } finally {
    await database.close();
  }
}

export function printCheck(check: StoredCheck): void {
  const row = (label: string, value: number | string) => console.log(`  ${label.padEnd(44)} ${value}`);
  row('responses sent (distinct UUIDs)', check.sent);
  row('acknowledged (distinct UUIDs, 200 or 201)', check.acknowledged);
  row('rows stored', check.storedRows);
  row('distinct UUIDs stored', check.storedDistinct);
  row('acknowledged but not stored', check.missing);
  row('stored twice', check.duplicates);
  row('stored but never sent', check.notSent);
  row('stored with other content than sent', check.changedContent);
  row('stored = acknowledged', check.storedDistinct === check.acknowledged ? 'yes' : 'NO');
  console.log(check.ok ? '  RESULT: every acknowledged response stored exactly once' : '  RESULT: FAILED');
}

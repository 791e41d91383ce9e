/**
 * The backup file of the embedded database: one line of JSON that describes it (readable with
 * `head -n 1 FILE`), then the data folder as PGlite dumps it (a gzipped tar). The description
 * carries the payload's length and SHA-256, so that a restore checks the bytes before it touches
 * anything, and each table's row count and fingerprint, so that it checks the restored database.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const BACKUP_FORMAT = 'sipas-backup';
export const BACKUP_FORMAT_VERSION = 1;

const tableFacts = z.object({ rows: z.number().int().nonnegative(), fingerprint: z.string() });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  database: z.object({ engine: z.literal('pglite'), postgres: z.string(), pglite: z.string().optional() }),
  migrations: z.object({ count: z.number().int().nonnegative(), latest: z.number().nullable(), latestTag: z.string().nullable() }),
  responses: z.object({ total: z.number().int().nonnegative(), byChannel: z.record(z.string(), z.number()) }),
  tables: z.record(z.string(), tableFacts),
  payload: z.object({
    content: z.literal('pglite-data-folder'),
    encoding: z.literal('tar+gzip'),
    bytes: z.number().int().nonnegative(),
    sha256: z.string(),
  }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** The file cannot be restored; the message says why, for an administrator to read. */
export class BackupFileError extends Error {}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function encodeBackup(described: Omit<BackupManifest, 'payload'>, payload: Uint8Array): { manifest: BackupManifest; bytes: Buffer } {
  const manifest: BackupManifest = {
    ...described,
    payload: { content: 'pglite-data-folder', encoding: 'tar+gzip', bytes: payload.byteLength, sha256: sha256(payload) },
  };
  return { manifest, bytes: Buffer.concat([Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8'), payload]) };
}

/** pg_dump's custom format begins with these bytes. */
export const isPgDump = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'PGDMP';

/** The description and the payload, after checking that the payload is exactly what was written. */
export function decodeBackup(bytes: Buffer, name: string): { manifest: BackupManifest; payload: Buffer } {
  if (isPgDump(bytes)) {
    throw new BackupFileError(
      `${name} is a PostgreSQL dump (pg_dump), not a backup of the embedded database: restore it with pg_restore into PostgreSQL (README, "Backups").`,
    );
  }
  const end = bytes.indexOf(0x0a);
  let described: unknown;
  try {
    described = end > 0 ? JSON.parse(bytes.subarray(0, end).toString('utf8')) : undefined;
  } catch {
    described = undefined;
  }
  if (!described || typeof described !== 'object' || (described as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupFileError(`${name} is not a SIPAS backup (it does not begin with a "${BACKUP_FORMAT}" description).`);
  }
  const version = (described as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(`${name} has backup format ${version}; this SIPAS reads up to ${BACKUP_FORMAT_VERSION}. Update SIPAS, then restore.`);
  }
  const parsed = manifestSchema.safeParse(described);
  if (!parsed.success)
    throw new BackupFileError(`${name} has a damaged description: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const manifest = parsed.data;
  const payload = bytes.subarray(end + 1);
  if (payload.byteLength !== manifest.payload.bytes) {
    throw new BackupFileError(
      `${name} is incomplete or damaged: it holds ${payload.byteLength} bytes of data where its description says ${manifest.payload.bytes}. Nothing was changed.`,
    );
  }
  if (sha256(payload) !== manifest.payload.sha256) {
    throw new BackupFileError(`${name} is damaged: its data does not match the checksum in its description. Nothing was changed.`);
  }
  return { manifest, payload };
}

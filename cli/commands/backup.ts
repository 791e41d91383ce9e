import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configuredDatabaseOptions } from '../../db/client.ts';
import { secureBackups } from '../../db/owner-only.ts';
import { backupFileName, backupFolder, describeBackup } from '../../db/backup/pglite-backup.ts';
import { dumpPostgres } from '../../db/backup/postgres-dump.ts';
import { UsageError, type Command } from '../command.ts';

/** Written owner-only under a temporary name and synced, so that FILE is either the whole backup or absent. */
function writeDurably(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    // A partial file left by an earlier attempt keeps its mode through 'w': set it whatever it was.
    fchmodSync(fd, 0o600);
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  help: `Usage: sipas backup [FILE]

Embedded PGlite (SIPAS_DATA_DIR, default ./data): writes FILE (default
sipas-backup-YYYYMMDD-HHMMSS.sipas), a snapshot of the database folder after a line that
describes it — format, date, schema migration level, responses per channel, and each table's
row count and fingerprint, which \`sipas restore\` checks. See it with \`head -n 1 FILE\`.
PGlite is opened by one program at a time: with the server running, the backup refuses and
names the server's process. Stop the server (a few seconds), back up, start it again.

PostgreSQL (DATABASE_URL set): runs pg_dump (custom format, default FILE
sipas-backup-YYYYMMDD-HHMMSS.dump) while the server keeps running, and prints the responses it
holds; where pg_dump is missing or older than the server it prints the command to run.
Restore such a file with pg_restore (README, "Backups").

An existing FILE is never overwritten.`,
  async run(argv) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    if (positionals.length > 1) throw new UsageError('give at most one file name');
    const options = configuredDatabaseOptions();
    secureBackups(options.dataDir);
    const file = positionals[0] ?? (options.url ? backupFileName().replace(/\.sipas$/, '.dump') : backupFileName());
    if (existsSync(file)) throw new UsageError(`${file} already exists; give another file name`);
    if (options.url) {
      const dumped = await dumpPostgres(options.url, file);
      const channels = Object.entries(dumped.byChannel)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
      console.log(
        `pg_dump wrote ${file}: PostgreSQL ${dumped.serverVersion}, schema with ${dumped.migrations.count} migrations, ${dumped.responses} responses${channels ? ` (${channels})` : ''}.`,
      );
      console.log('Restore it into a new, empty database: DATABASE_URL=postgres://…/NEW_DATABASE npx sipas restore FILE (README, "Backups").');
      return 0;
    }
    const { manifest, bytes } = await backupFolder(options.dataDir!);
    writeDurably(file, bytes);
    console.log(`Backup of ${options.dataDir} written to ${file} (${megabytes(bytes.byteLength)}):`);
    for (const line of describeBackup(manifest)) console.log(`  ${line}`);
    console.log(`Restore it with: npx sipas restore ${file}`);
    return 0;
  },
};

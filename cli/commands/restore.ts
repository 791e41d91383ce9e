import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configuredDatabaseOptions } from '../../db/client.ts';
import { secureBackups } from '../../db/owner-only.ts';
import { describeBackup, restoreFolder } from '../../db/backup/pglite-backup.ts';
import { restorePostgres } from '../../db/backup/postgres-dump.ts';
import { UsageError, type Command } from '../command.ts';

export const restoreCommand: Command = {
  help: `Usage: sipas restore FILE [--force]

Embedded PGlite (SIPAS_DATA_DIR, default ./data): checks FILE (its checksum, then every table
against the row counts and fingerprints it describes), rebuilds the database beside the folder,
applies the migrations this version has on top of the backup's, and only then moves it into
the folder. A folder that holds anything is refused unless --force; with --force its content
is kept beside it, in DATA_DIR.replaced-DATE. Refused while the server runs: stop it first.

PostgreSQL (DATABASE_URL set): FILE is a pg_dump file; it is restored with pg_restore into the
database DATABASE_URL names, which must be empty (create a new one), then migrated.`,
  async run(argv) {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
    if (positionals.length !== 1) throw new UsageError('give the backup file');
    const [file] = positionals;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
    const options = configuredDatabaseOptions();
    secureBackups(options.dataDir);
    if (options.url) {
      if (values.force) throw new UsageError('--force does not apply to PostgreSQL: restore into a new, empty database');
      const restored = await restorePostgres(options.url, file, bytes);
      console.log(
        `Restored ${file} with pg_restore: ${restored.responses} responses, schema with ${restored.migrations.count} migrations (PostgreSQL ${restored.serverVersion}).`,
      );
      return 0;
    }
    const restored = await restoreFolder(bytes, file, options.dataDir!, { force: values.force });
    console.log(`Restored ${file} into ${options.dataDir}: every table matches the backup.`);
    for (const line of describeBackup(restored.manifest)) console.log(`  ${line}`);
    if (restored.migrationsApplied > 0) console.log(`  ${restored.migrationsApplied} newer migrations applied; ${restored.responses} responses`);
    if (restored.replacedTo) console.log(`The folder's previous content is kept in ${restored.replacedTo}; delete it once the restored database is checked.`);
    return 0;
  },
};

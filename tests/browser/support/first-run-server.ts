/**
 * The server process as `npm start` runs it on a new installation: an empty PGlite data folder (or,
 * when DATABASE_URL is set, a new PostgreSQL database), no staff account, and the one-time setup
 * link it prints on its console.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from '../../../checks/support/server-process.ts';
import { createPostgresDatabase } from '../../support/database.ts';
import { printedSetupUrl } from './accounts.ts';

export interface FirstRunServer {
  process: ServerProcess;
  /** The setup link as printed, e.g. http://localhost:41234/staff/setup#… */
  setupUrl: string;
  /** The staff app on the same address. */
  staffUrl: string;
  close(): Promise<void>;
}

export async function startFirstRunServer(): Promise<FirstRunServer> {
  const folder = mkdtempSync(join(tmpdir(), 'sipas-first-run-'));
  const base = { SIPAS_SECRET: 'x'.repeat(40), SIPAS_PUBLIC_URL: '', SIPAS_TRUST_PROXY: '', LOG_LEVEL: 'warn' };
  const created = process.env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : undefined;
  const env = created ? { ...base, DATABASE_URL: created.url } : { ...base, DATABASE_URL: '', SIPAS_DATA_DIR: join(folder, 'data') };
  const server = await startServer({ env, timeoutMs: 240_000 });
  // The server answers as soon as it listens, and prints its start-up message just after.
  const deadline = Date.now() + 30_000;
  let setupUrl = printedSetupUrl(server.output());
  while (!setupUrl && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    setupUrl = printedSetupUrl(server.output());
  }
  if (!setupUrl) {
    await server.stop();
    throw new Error(`the server printed no setup link:\n${server.output()}`);
  }
  return {
    process: server,
    setupUrl,
    staffUrl: new URL('/staff', setupUrl).href,
    async close() {
      await server.stop();
      await created?.drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

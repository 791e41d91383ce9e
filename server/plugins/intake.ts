/**
 * The path citizens' responses take: cached reference lookups, the grouping writer, and the intake
 * that ties them together. On close, every response under way is stored (or refused) before the
 * caller closes the database.
 */
import fp from 'fastify-plugin';
import { ReferenceLookups } from '../domain/responses/reference-lookups.ts';
import { ResponseIntake } from '../domain/responses/responses.ts';
import { ResponseWriter } from '../domain/responses/response-writer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    lookups: ReferenceLookups;
    intake: ResponseIntake;
  }
}

export interface IntakeSettings {
  /** Keys the hashes of device ids (server/secrets.ts). */
  secret: string;
  /** How long rounds, offices, links and localities are cached; a change takes effect on every server within this. */
  lookupTtlMs: number;
}

export const intakePlugin = fp<IntakeSettings>(
  async (app, { secret, lookupTtlMs }) => {
    const db = app.database.db;
    const lookups = new ReferenceLookups(db, lookupTtlMs);
    // PGlite has one connection: one group at a time, and the next one forms meanwhile.
    const writer = new ResponseWriter(db, { maxGroup: 500, concurrency: app.database.kind === 'pglite' ? 1 : 4 });
    const intake = new ResponseIntake({ db, lookups, writer, secret });
    app.decorate('lookups', lookups);
    app.decorate('intake', intake);
    app.addHook('onClose', async () => intake.close());
  },
  { name: 'intake', dependencies: ['database'] },
);

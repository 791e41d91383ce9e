/**
 * Stores accepted responses in groups: while one group's INSERT is on its way to the database,
 * the responses that arrive meanwhile queue up and go together in the next one — one statement
 * (`insertResponseGroup`: facts, flags and `INSERT … ON CONFLICT (id) DO NOTHING RETURNING`), one
 * round trip, one commit for all of them. At low load a group is a single response and waits for
 * nothing; under load the groups grow by themselves.
 *
 * What does not change: each caller is answered only after the statement holding its row has
 * committed; a stored id is never stored again (the primary key decides, also between servers);
 * a resend is told apart from a conflict by the content hash; plausibility flags are computed by
 * the same rules, counting the earlier responses of the same group as already received.
 */
import type { Database } from '../../../db/client.ts';
import { postgresError } from '../../../db/errors.ts';
import { problems } from '../../error-catalogue.ts';
import { findResponses, insertResponseGroup, type GroupRow, type InsertedResponse } from '../../../db/queries/responses.ts';
import { burstCheck, ownFlags, type OwnFacts } from './response-flags.ts';
import { toView, type SubmitOutcome } from './response-view.ts';

/** A validated response with everything its row needs but the flags, which depend on what else arrived. */
export interface AcceptedResponse {
  row: GroupRow;
  timing: OwnFacts;
  roundCode: string;
  officeCode: string | null;
}

interface Pending {
  item: AcceptedResponse;
  resolve(outcome: SubmitOutcome): void;
  reject(error: unknown): void;
}

export interface WriterOptions {
  /** Most rows in one INSERT (PostgreSQL allows 65,535 parameters; a row takes 18). */
  maxGroup: number;
  /** Groups on their way to the database at once: 1 for PGlite (one connection), a few for a pool. */
  concurrency: number;
}

/** Errors about one row's data (rather than the connection or the server) are worth retrying row by row. */
function isRowError(error: unknown): boolean {
  const code = postgresError(error)?.code;
  return !!code && (code.startsWith('22') || code.startsWith('23'));
}

/** A deadlock or serialisation failure aborted the statement, nothing of it was stored: it may simply run again. */
function isTransient(error: unknown): boolean {
  const code = postgresError(error)?.code;
  return code === '40P01' || code === '40001';
}

async function withRetries<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt * Math.random()));
    }
  }
}

export class ResponseWriter {
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly options: WriterOptions,
  ) {}

  store(item: AcceptedResponse): Promise<SubmitOutcome> {
    return new Promise<SubmitOutcome>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once every response handed over so far has been stored or refused. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    while (this.inFlight.size < this.options.concurrency && this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxGroup);
      const flushing: Promise<void> = this.flush(group).finally(() => {
        this.inFlight.delete(flushing);
        this.pump();
      });
      this.inFlight.add(flushing);
    }
  }

  private async flush(group: Pending[]): Promise<void> {
    const settled = new Set<Pending>();
    const resolve = (p: Pending, outcome: SubmitOutcome) => {
      settled.add(p);
      p.resolve(outcome);
    };
    const reject = (p: Pending, error: unknown) => {
      settled.add(p);
      p.reject(error);
    };
    try {
      // The first of several posts of one id in a group goes to the database; the others are answered after it.
      const leaders = new Map<string, Pending>();
      for (const p of group) if (!leaders.has(p.item.row.id)) leaders.set(p.item.row.id, p);

      const firsts = [...leaders.values()];
      const rows = firsts.map((p) => {
        const own = ownFlags(p.item.timing);
        return { ...p.item.row, flags: own.flags, flagFacts: own.flags.length > 0 ? { ...own.facts } : null };
      });
      const { inserted, failed } = await this.insert(rows);
      firsts.forEach((p, k) => {
        const error = failed.get(rows[k].id);
        if (error) return reject(p, error);
        const done = inserted.get(rows[k].id);
        if (done) resolve(p, { created: true, response: toView({ ...rows[k], ...done, roundCode: p.item.roundCode, officeCode: p.item.officeCode }) });
      });

      // Resends, posts that lost a race with another server or request, and repeats within the group.
      const rest = group.filter((p) => !settled.has(p));
      if (rest.length === 0) return;
      const found = new Map((await findResponses(this.db, [...new Set(rest.map((p) => p.item.row.id))])).map((r) => [r.id, r]));
      for (const p of rest) {
        const existing = found.get(p.item.row.id);
        if (!existing) reject(p, new Error(`response ${p.item.row.id} was neither inserted nor found`));
        else if (existing.contentHash !== p.item.row.contentHash) reject(p, problems.conflictingResend({ id: p.item.row.id }));
        else resolve(p, { created: false, response: toView(existing) });
      }
    } catch (error) {
      for (const p of group) if (!settled.has(p)) reject(p, error);
    }
  }

  /** One statement for the group; if a row's data breaks it, each row alone, so one bad row fails only itself. */
  private async insert(rows: GroupRow[]) {
    const failed = new Map<string, unknown>();
    const inserted = new Map<string, InsertedResponse>();
    const add = (list: InsertedResponse[]) => list.forEach((r) => inserted.set(r.id, r));
    try {
      add(await withRetries(() => insertResponseGroup(this.db, rows, burstCheck())));
      return { inserted, failed };
    } catch (error) {
      if (rows.length === 1 || !isRowError(error)) throw error;
    }
    for (const row of rows) {
      try {
        add(await withRetries(() => insertResponseGroup(this.db, [row], burstCheck())));
      } catch (error) {
        if (!isRowError(error)) throw error;
        failed.set(row.id, error);
      }
    }
    return { inserted, failed };
  }
}

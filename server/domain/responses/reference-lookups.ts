/**
 * The reference data every submitted response is checked against — its link, round, office,
 * localities and questionnaire — read through short-lived caches, so that a queue of phones at
 * 8 a.m. costs the database inserts rather than the same lookups over and over.
 *
 * Rounds, offices and links can change (a round closes, a link is disabled): they are kept for a
 * few seconds only, so such a change takes effect on every server within `ttlMs`. A questionnaire
 * version is immutable once a round uses it (db/queries/questionnaires.ts refuses to change it),
 * and responses only ever ask for a round's version, so it is kept, with its compiled schema, for
 * the life of the process.
 */
import { answersSchema, type ResponseAnswers } from '../../../analysis/questionnaire/answers-schema.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import type { z } from 'zod';
import type { Database } from '../../../db/client.ts';
import { findLinkByToken, type LinkDetails } from '../../../db/queries/links.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { findOfficeByCode, findRoundByCode, type OfficeRow, type RoundRow } from '../../../db/queries/rounds.ts';
import { localityChain, type LocalityChain } from '../localities/localities.ts';

/** A map of recent answers (absent ones included), each kept for `ttlMs`; concurrent misses share one load. */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.ttlMs <= 0) return load();
    const value = load();
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    // A failed load (database down) must not be remembered.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface CompiledQuestionnaire {
  def: QuestionnaireDefinition;
  schema: z.ZodType<ResponseAnswers>;
}

export class ReferenceLookups {
  private readonly links: ExpiringCache<LinkDetails | undefined>;
  private readonly rounds: ExpiringCache<RoundRow | undefined>;
  private readonly offices: ExpiringCache<OfficeRow | undefined>;
  private readonly localities: ExpiringCache<LocalityChain | undefined>;
  private readonly questionnaires = new Map<string, Promise<CompiledQuestionnaire | undefined>>();

  constructor(
    readonly db: Database,
    ttlMs: number,
  ) {
    this.links = new ExpiringCache(ttlMs);
    this.rounds = new ExpiringCache(ttlMs);
    this.offices = new ExpiringCache(ttlMs);
    this.localities = new ExpiringCache(ttlMs);
  }

  link(token: string) {
    return this.links.get(token, () => findLinkByToken(this.db, token));
  }

  round(code: string) {
    return this.rounds.get(code, () => findRoundByCode(this.db, code));
  }

  office(code: string) {
    return this.offices.get(code, () => findOfficeByCode(this.db, code));
  }

  localityChain(code: string) {
    return this.localities.get(code, () => localityChain(this.db, code));
  }

  /** A questionnaire of a round (so: in use, hence immutable) with its answers schema compiled once. */
  roundQuestionnaire(version: string): Promise<CompiledQuestionnaire | undefined> {
    let compiled = this.questionnaires.get(version);
    if (!compiled) {
      compiled = findQuestionnaire(this.db, version).then((def) => def && { def, schema: answersSchema(def) });
      this.questionnaires.set(version, compiled);
      compiled.then(
        (found) => {
          if (!found) this.questionnaires.delete(version);
        },
        () => this.questionnaires.delete(version),
      );
    }
    return compiled;
  }

  /** Forgets rounds, offices, links and localities at once (after this process changed one). */
  forgetMutable(): void {
    for (const cache of [this.links, this.rounds, this.offices, this.localities]) cache.clear();
  }
}

/**
 * Review of responses that plausibility checks flagged (too fast, implausible times, near-identical
 * bursts, one device sending many, late delivery). A flagged response is held out of every figure
 * until a reviewer (analyst, manager or admin) decides: accepted (counted from then on) or excluded
 * (never counted, never deleted). Each decision is audited and can be changed by a later one.
 */
import { RATING_MISSING, RATING_NOT_APPLICABLE } from '../../../analysis/questionnaire/ratings.ts';
import type { FlaggedResponseView, ReviewDecision, ReviewedView } from '../../../contract/response-review.ts';
import type { Database } from '../../../db/client.ts';
import { auditOfAction, recordAudit } from '../../../db/queries/audit.ts';
import { findResponse, listFlaggedResponses, setResponseStatus } from '../../../db/queries/responses.ts';
import { problems } from '../../error-catalogue.ts';
import { roundOrFail } from '../paper-forms/paper-forms.ts';
import type { FlagFacts } from './response-flags.ts';

const REVIEW = 'review_response';

export async function flaggedResponses(db: Database, roundCode: string): Promise<FlaggedResponseView[]> {
  const round = await roundOrFail(db, roundCode);
  const rows = await listFlaggedResponses(db, round.id);
  const reviews = new Map<string, { decision: ReviewDecision; by: string | null; at: string }>();
  for (const r of await auditOfAction(
    db,
    'response',
    rows.map((row) => row.id),
    REVIEW,
  )) {
    reviews.set(r.entityId, { decision: r.newValue as ReviewDecision, by: r.username, at: r.at.toISOString() });
  }
  return rows.map((row) => {
    const ratings = row.ratings.filter((v) => v !== RATING_MISSING && v !== RATING_NOT_APPLICABLE);
    return {
      id: row.id,
      channel: row.channel,
      office: row.officeCode && row.officeName ? { code: row.officeCode, name: row.officeName } : null,
      flags: row.flags,
      facts: (row.flagFacts ?? {}) as FlagFacts,
      status: row.status,
      receivedAt: row.receivedAt.toISOString(),
      seconds: row.startedAt && row.submittedAt ? Math.round((row.submittedAt.getTime() - row.startedAt.getTime()) / 1000) : null,
      rated: ratings.length,
      distinctRatings: new Set(ratings).size,
      review: reviews.get(row.id) ?? null,
    };
  });
}

export async function reviewResponse(db: Database, actorId: number, id: string, decision: ReviewDecision): Promise<ReviewedView> {
  return db.transaction(async (tx) => {
    const response = await findResponse(tx, id);
    if (!response) throw problems.notFound('response', { id });
    if (response.flags.length === 0) {
      throw problems.notFlagged();
    }
    await setResponseStatus(tx, id, decision);
    await recordAudit(tx, [
      { userId: actorId, action: REVIEW, entity: 'response', entityId: id, field: 'status', oldValue: response.status, newValue: decision },
    ]);
    return { id, status: decision };
  });
}

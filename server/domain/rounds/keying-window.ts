/**
 * When paper forms may be keyed: while the round is open; after it closed, only forms issued
 * within its period, and only until the manager closes keying. Never in a draft, never once
 * published (a published figure never moves silently).
 */
import type { RoundRow } from '../../../db/queries/rounds.ts';
import type { Problem } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import { endOfPeriod } from '../responses/late-delivery.ts';

export function keyingRefusal(round: RoundRow, form: { serial: number; issuedAt: Date }): Problem | undefined {
  switch (round.status) {
    case 'open':
      return undefined;
    case 'draft':
      return problems.keyingNotAllowed('draft', { code: round.code });
    case 'published':
      return problems.keyingNotAllowed('published', { code: round.code });
    case 'closed':
      if (round.keyingClosedAt) return problems.keyingClosed({ code: round.code });
      if (form.issuedAt >= endOfPeriod(round.periodEnd)) return problems.keyingNotAllowed('issuedLate', { code: round.code, serial: form.serial });
      return undefined;
  }
}

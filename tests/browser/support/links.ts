/** Office survey links for browser tests, straight from the database. */
import { ensureOnlineLink, listLinksOfRound, setLinksActive } from '../../../db/queries/links.ts';
import { findRoundByCode } from '../../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../../db/seed/index.ts';
import type { Database } from '../../../db/client.ts';

/** The demo office's link in the demo round (questionnaire 2024). */
export async function demoLinkToken(db: Database): Promise<string> {
  const round = await findRoundByCode(db, DEMO_ROUND_CODE);
  return (await listLinksOfRound(db, round!.id))[0].token;
}

export async function closeRoundLinks(db: Database, roundCode = DEMO_ROUND_CODE): Promise<void> {
  const round = await findRoundByCode(db, roundCode);
  await setLinksActive(db, round!.id, false);
}

/** The demo round's online link (made on first use), where the respondent chooses their locality. */
export async function demoOnlineLinkToken(db: Database): Promise<string> {
  const round = await findRoundByCode(db, DEMO_ROUND_CODE);
  return ensureOnlineLink(db, round!.id);
}

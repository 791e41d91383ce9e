/**
 * Reissuing a round's online link: a new unguessable address replaces the old one (which then
 * answers "not valid or replaced"), e.g. after it was posted where it should not have been.
 * Responses already sent keep their link. Audited, without the tokens themselves.
 */
import type { OfficeLinkView } from '../../../contract/links.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { findLinkByToken, replaceOnlineLinkToken } from '../../../db/queries/links.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import type { PublicUrl } from '../../public-url.ts';
import { linkView } from '../links/office-links.ts';

export async function reissueOnlineLink(db: Database, actorId: number, round: RoundRow, publicUrl: PublicUrl): Promise<OfficeLinkView> {
  return db.transaction(async (tx) => {
    const { id, token } = await replaceOnlineLinkToken(tx, round.id);
    await recordAudit(tx, [{ userId: actorId, action: 'reissue_online_link', entity: 'survey_link', entityId: String(id), field: 'token' }]);
    return linkView((await findLinkByToken(tx, token))!, publicUrl);
  });
}

/**
 * A survey manager's view of the links of a round: the round's online link (for the province's
 * public-service portal, Zalo or SMS) and every active office's link (QR poster), each made on
 * first look, as `sipas offices` does. Closing a link makes the survey say politely that it has
 * ended and refuses what is sent through it; reopening it lets responses in again. Both are audited.
 */
import type { OfficeLinkView } from '../../../contract/links.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { ensureLink, ensureOnlineLink, findLinkByToken, listLinksOfRound, setLinkActive, type LinkDetails } from '../../../db/queries/links.ts';
import { listOffices } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import type { PublicUrl } from '../../public-url.ts';
import { windowState } from '../responses/late-delivery.ts';
import { roundOrFail } from '../paper-forms/paper-forms.ts';
import { surveyWindow } from '../responses/response-context.ts';
import { posterPath, surveyUrl } from './poster.ts';
import { localityChain } from '../localities/localities.ts';

export function linkView(link: LinkDetails, publicUrl: PublicUrl, now = new Date()): OfficeLinkView {
  const state = windowState(surveyWindow(link), now);
  return {
    token: link.token,
    channel: link.channel,
    active: link.active,
    open: state === 'open',
    state,
    office: link.office ? { code: link.office.code, name: link.office.name, localityCode: link.office.localityCode } : null,
    surveyUrl: surveyUrl(publicUrl.base, link.token),
    publicUrlConfigured: publicUrl.configured,
    posterPath: posterPath(link.token),
  };
}

export async function officeLinksOfRound(db: Database, roundCode: string, publicUrl: PublicUrl): Promise<OfficeLinkView[]> {
  const round = await roundOrFail(db, roundCode);
  await ensureOnlineLink(db, round.id);
  // Only the offices of the round's provinces: a response through any other would be refused.
  for (const office of (await listOffices(db)).filter((o) => o.active)) {
    const province = (await localityChain(db, office.localityCode))?.province;
    if (province && round.provinceCodes.includes(province)) await ensureLink(db, office.id, round.id);
  }
  return (await listLinksOfRound(db, round.id)).map((link) => linkView(link, publicUrl));
}

export async function setOfficeLinkActive(db: Database, actorId: number, token: string, active: boolean, publicUrl: PublicUrl): Promise<OfficeLinkView> {
  return db.transaction(async (tx) => {
    const before = await findLinkByToken(tx, token);
    if (!before) throw problems.notFound('link');
    await setLinkActive(tx, token, active);
    if (before.active !== active) {
      await recordAudit(tx, [
        {
          userId: actorId,
          action: active ? 'open_link' : 'close_link',
          entity: 'survey_link',
          entityId: String(before.id),
          field: 'active',
          oldValue: before.active,
          newValue: active,
        },
      ]);
    }
    return linkView((await findLinkByToken(tx, token))!, publicUrl);
  });
}

/**
 * A survey manager's view of the office links of a round: every active office gets its link (made
 * on first look, as `sipas offices` does), with the URL its QR poster carries. Closing a link makes
 * the survey say politely that it has ended; reopening it lets responses in again. Both are audited.
 */
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { ensureLink, findLinkByToken, listLinksOfRound, setLinkActive, type LinkDetails } from '../../db/queries/links.ts';
import { listOffices } from '../../db/queries/rounds.ts';
import { problems } from '../errors.ts';
import type { PublicUrl } from '../public-url.ts';
import { surveyUrl } from '../routes/pages/poster.ts';
import { roundOrFail } from './paper-forms.ts';

export interface OfficeLinkView {
  token: string;
  active: boolean;
  /** Whether a citizen scanning the QR code can answer now: link, office and round all open. */
  open: boolean;
  office: { code: string; name: string; localityCode: string };
  surveyUrl: string;
  /** False when SIPAS_PUBLIC_URL is not set: surveyUrl is then this server's own address. */
  publicUrlConfigured: boolean;
  posterPath: string;
}

function view(link: LinkDetails, publicUrl: PublicUrl): OfficeLinkView {
  return {
    token: link.token,
    active: link.active,
    open: link.active && link.office.active && link.round.status === 'open',
    office: { code: link.office.code, name: link.office.name, localityCode: link.office.localityCode },
    surveyUrl: surveyUrl(publicUrl.base, link.token),
    publicUrlConfigured: publicUrl.configured,
    posterPath: `/poster/${encodeURIComponent(link.token)}`,
  };
}

export async function officeLinksOfRound(db: Database, roundCode: string, publicUrl: PublicUrl): Promise<OfficeLinkView[]> {
  const round = await roundOrFail(db, roundCode);
  for (const office of (await listOffices(db)).filter((o) => o.active)) await ensureLink(db, office.id, round.id);
  return (await listLinksOfRound(db, round.id)).map((link) => view(link, publicUrl));
}

export async function setOfficeLinkActive(db: Database, actorId: number, token: string, active: boolean, publicUrl: PublicUrl): Promise<OfficeLinkView> {
  return db.transaction(async (tx) => {
    const before = await findLinkByToken(tx, token);
    if (!before) throw problems.notFound({ vi: 'Không có đường dẫn khảo sát này', en: 'No such survey link' });
    await setLinkActive(tx, token, active);
    if (before.active !== active) {
      await recordAudit(tx, [{
        userId: actorId, action: active ? 'open_link' : 'close_link', entity: 'survey_link', entityId: String(before.id),
        field: 'active', oldValue: before.active, newValue: active,
      }]);
    }
    return view((await findLinkByToken(tx, token))!, publicUrl);
  });
}

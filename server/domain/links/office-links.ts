/**
 * A survey manager's view of the links of a round: the round's online link (for the province's
 * public-service portal, Zalo or SMS) and every active office's link (QR poster), each made on
 * first look, as `sipas offices` does. Closing a link makes the survey say politely that it has
 * ended and refuses what is sent through it; reopening it lets responses in again. Both are audited.
 */
import type { OfficeLinkView } from '../../../contract/links.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import {
  ensureLink,
  ensureOnlineLink,
  findLinkByToken,
  listLinksOfRound,
  replaceLinkToken,
  setLinkActive,
  type LinkDetails,
} from '../../../db/queries/links.ts';
import { listOffices } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import { writeCsv } from '../../files/tables.ts';
import { isPrintable, type PublicUrl } from '../../public-url.ts';
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
    printable: isPrintable(publicUrl),
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

/**
 * A new token for a link (a poster was defaced, copied where it should not be, or its QR code
 * shared for ballot stuffing): the old token then opens nothing and takes no response, and what was
 * stored through it stays, acknowledged again if a phone resends it. The link keeps its office,
 * round, state and responses; its posters must be printed again. Audited.
 */
export async function reissueLink(db: Database, actorId: number, token: string, publicUrl: PublicUrl): Promise<OfficeLinkView> {
  return db.transaction(async (tx) => {
    const replaced = await replaceLinkToken(tx, token);
    if (!replaced) throw problems.notFound('link');
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'reissue_link',
        entity: 'survey_link',
        entityId: String(replaced.id),
        field: 'token',
        oldValue: token,
        newValue: replaced.token,
      },
    ]);
    return linkView((await findLinkByToken(tx, replaced.token))!, publicUrl);
  });
}

/** The links of a round's active offices, for printing their posters at once. */
export async function officeLinksToPrint(db: Database, roundCode: string): Promise<{ roundName: string; links: LinkDetails[] }> {
  const round = await roundOrFail(db, roundCode);
  const offices = (await listOffices(db)).filter((o) => o.active);
  for (const office of offices) await ensureLink(db, office.id, round.id);
  const links = (await listLinksOfRound(db, round.id)).filter((l) => l.channel === 'office' && l.office?.active);
  return { roundName: round.name, links };
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

/** The round's links as a table (for mail merge or a checklist of posters): every office's name goes through the CSV writer's cell rule. */
export async function officeLinksCsv(db: Database, roundCode: string, publicUrl: PublicUrl): Promise<{ fileName: string; body: Buffer }> {
  const links = await officeLinksOfRound(db, roundCode, publicUrl);
  const rows = links.map((l) => [
    l.office?.code ?? 'online',
    l.office?.name ?? '',
    l.office?.localityCode ?? '',
    l.channel,
    l.state,
    l.surveyUrl,
    l.printable ? 'yes' : 'no',
  ]);
  return {
    fileName: `sipas-duong-dan-${roundCode.replace(/[^0-9A-Za-z_-]/g, '_')}.csv`,
    body: writeCsv(['office', 'name', 'locality', 'channel', 'state', 'survey_url', 'printable'], rows),
  };
}

/**
 * A province's table of lead agencies: the seeded table (agency-tables.ts) with the province's own
 * edits on top. Every edit is audited with the row before and after.
 */
import type { AgencyBody, AgencyTableView } from '../../../contract/plans.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { findLocalities } from '../../../db/queries/localities.ts';
import { leadAgenciesOf, upsertLeadAgency } from '../../../db/queries/plans.ts';
import { problems } from '../../error-catalogue.ts';
import { seededAgencyTable, type AgencyRow } from './agency-tables.ts';

export async function provinceOrFail(db: Database, code: string) {
  const province = (await findLocalities(db, [code]))[0];
  if (province?.level !== 'province') throw problems.notFound('locality', { code });
  return province;
}

/** The rows in force for a province: seeded rows with its edits, then indices only its edits name. */
export async function agencyRows(
  db: Database,
  provinceCode: string,
): Promise<{ source: 'province_plan' | 'default'; rows: Array<AgencyRow & { edited: boolean }> }> {
  const seeded = seededAgencyTable(provinceCode);
  const edits = new Map((await leadAgenciesOf(db, provinceCode)).map((e) => [e.indexCode, e]));
  const rows = seeded.rows.map((r) => {
    const edit = edits.get(r.index);
    return edit ? { index: r.index, lead: edit.lead, partners: edit.partners, edited: true } : { ...r, edited: false };
  });
  const seededCodes = new Set(seeded.rows.map((r) => r.index));
  for (const edit of edits.values())
    if (!seededCodes.has(edit.indexCode)) rows.push({ index: edit.indexCode, lead: edit.lead, partners: edit.partners, edited: true });
  return { source: seeded.source, rows };
}

export async function agencyTable(db: Database, provinceCode: string): Promise<AgencyTableView> {
  const province = await provinceOrFail(db, provinceCode);
  return { province: province.code, provinceName: province.name, ...(await agencyRows(db, province.code)) };
}

export async function editAgency(db: Database, actorId: number | null, provinceCode: string, index: string, body: AgencyBody): Promise<AgencyTableView> {
  await provinceOrFail(db, provinceCode);
  const lead = body.lead.normalize('NFC').trim();
  const partners = (body.partners ?? '').normalize('NFC').trim();
  await db.transaction(async (tx) => {
    const before = (await agencyRows(tx, provinceCode)).rows.find((r) => r.index === index);
    await upsertLeadAgency(tx, { provinceCode, indexCode: index, lead, partners, updatedBy: actorId });
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'edit_lead_agency',
        entity: 'lead_agencies',
        entityId: `${provinceCode}/${index}`,
        field: 'lead',
        oldValue: before ? { lead: before.lead, partners: before.partners } : null,
        newValue: { lead, partners },
      },
    ]);
  });
  return agencyTable(db, provinceCode);
}

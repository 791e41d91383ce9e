/**
 * The commune a paper form is filled in, checked against the round: a unit of level commune in one
 * of the round's provinces, and inside the unit the forms are issued to. Rounds may cover several
 * provinces, so this takes the list of their codes.
 */
import type { Database } from '../../../db/client.ts';
import { findLocalities } from '../../../db/queries/localities.ts';
import { problems } from '../../error-catalogue.ts';
import { localityChain } from '../localities/localities.ts';

const refuse = (vi: string, en: string) => problems.validation([{ path: 'communeCode', worded: { vi, en } }]);

export async function communeOfRoundOrFail(db: Database, provinceCodes: string[], communeCode: string, issuedTo: string): Promise<string> {
  const [unit] = await findLocalities(db, [communeCode]);
  if (!unit) throw refuse(`Không có đơn vị hành chính mã ${communeCode}`, `No unit has code ${communeCode}`);
  if (unit.level !== 'commune') throw refuse(`Đơn vị ${unit.name} (${communeCode}) không phải cấp xã`, `Unit ${unit.name} (${communeCode}) is not a commune`);
  const chain = await localityChain(db, communeCode);
  if (!chain || !provinceCodes.includes(chain.province)) {
    throw refuse(
      `Xã ${unit.name} (${communeCode}) không thuộc tỉnh của đợt khảo sát (${provinceCodes.join(', ')})`,
      `Commune ${unit.name} (${communeCode}) is not in the round's province (${provinceCodes.join(', ')})`,
    );
  }
  if (![chain.province, chain.district, chain.commune].includes(issuedTo)) {
    throw refuse(
      `Xã ${unit.name} (${communeCode}) không thuộc đơn vị ${issuedTo} được phát phiếu`,
      `Commune ${unit.name} (${communeCode}) is not inside unit ${issuedTo}`,
    );
  }
  return communeCode;
}

/** The commune a form issued to `localityCode` is filled in when none is named: the unit itself, if it is a commune. */
export async function impliedCommune(db: Database, localityCode: string): Promise<string | null> {
  const [unit] = await findLocalities(db, [localityCode]);
  return unit?.level === 'commune' ? unit.code : null;
}

/** Names of units by code, for views that show a form's commune in words. */
export async function localityNames(db: Database, codes: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
  return new Map(wanted.length === 0 ? [] : (await findLocalities(db, wanted)).map((l) => [l.code, l.name]));
}

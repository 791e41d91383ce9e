/**
 * Reference data every installation needs (the questionnaire versions, the 34 provinces in force
 * since 1 July 2025), and the demo data a new
 * installation starts with (Đắk Nông's units, one round, one office), loaded once.
 */
import type { Database } from '../client.ts';
import { hasFact, recordFact } from '../queries/installation.ts';
import { insertLocalitiesIfAbsent, insertLocalityMappings, upsertLocalities } from '../queries/localities.ts';
import { saveQuestionnaire, type SaveOutcome } from '../queries/questionnaires.ts';
import { ensureLink } from '../queries/links.ts';
import { findOfficeByCode, findRoundByCode, insertOfficeIfAbsent, insertRoundIfAbsent } from '../queries/rounds.ts';
import { demoLocalities, demoLocalityMappings } from './localities.ts';
import { referenceProvinces } from './provinces.ts';
import { seededQuestionnaires } from './questionnaires/index.ts';

export const DEMO_ROUND_CODE = 'DN-2025-H1';
export const DEMO_OFFICE_CODE = 'MC-660';
const DEMO_FACT = 'demo_data_loaded';

export interface SeedReport {
  questionnaires: Record<string, SaveOutcome>;
  demoLoaded: boolean;
}

export async function seedDatabase(db: Database, options: { demo: boolean } = { demo: true }): Promise<SeedReport> {
  const questionnaires: Record<string, SaveOutcome> = {};
  for (const def of seededQuestionnaires()) questionnaires[def.version] = await saveQuestionnaire(db, def);
  // Added where absent on every start: a province an installation renamed keeps its name.
  await insertLocalitiesIfAbsent(db, referenceProvinces);

  let demoLoaded = false;
  if (options.demo && !(await hasFact(db, DEMO_FACT))) {
    await db.transaction(async (tx) => {
      await upsertLocalities(tx, demoLocalities);
      await insertLocalityMappings(tx, demoLocalityMappings);
      await insertRoundIfAbsent(tx, {
        code: DEMO_ROUND_CODE,
        name: 'Khảo sát SIPAS 6 tháng đầu năm 2025 — tỉnh Đắk Nông (dữ liệu mẫu)',
        year: 2025,
        provinceCodes: ['67'],
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        questionnaires: { citizen: '2024' },
        target: 85,
        status: 'open',
        demo: true,
      });
      await insertOfficeIfAbsent(tx, {
        code: DEMO_OFFICE_CODE,
        name: 'Bộ phận Một cửa thành phố Gia Nghĩa',
        localityCode: '660',
        level: 'district',
      });
      const [round, office] = [await findRoundByCode(tx, DEMO_ROUND_CODE), await findOfficeByCode(tx, DEMO_OFFICE_CODE)];
      if (round && office) await ensureLink(tx, office.id, round.id);
      await recordFact(tx, DEMO_FACT, { round: DEMO_ROUND_CODE, office: DEMO_OFFICE_CODE });
    });
    demoLoaded = true;
  }
  return { questionnaires, demoLoaded };
}

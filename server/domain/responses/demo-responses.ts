/**
 * Demonstration responses, so that an analyst sees figures on a new installation: synthetic
 * responses in the demo rounds (and only there — a round must be marked `demo`), plus what they
 * need: three offices per demo district (the one-stop office, the land registry branch and the
 * social insurance office, each receiving administrative files, so that office strata have several
 * PSUs) and an earlier, published demo round for the trend and the public page.
 *
 * Response ids are random, like every id the server makes: an id derived from round and number
 * could be computed and taken by anyone posting a response first. What was loaded is recorded
 * instead (round, seed, how many), so loading the same seed again adds only what is missing.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import { findFrame, replaceFrame } from '../../../db/queries/frames.ts';
import { hasFact, lockFact, recordFact, setFact } from '../../../db/queries/installation.ts';
import { ensureLink } from '../../../db/queries/links.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { insertServerResponses } from '../../../db/queries/responses.ts';
import { findOfficeByCode, findRoundByCode, insertOfficeIfAbsent, insertRoundIfAbsent, type RoundRow } from '../../../db/queries/rounds.ts';
import { demoAnswers, seededRandom } from '../../../db/seed/demo-answers.ts';
import { DEMO_ROUND_CODE } from '../../../db/seed/index.ts';
import { demoLocalities } from '../../../db/seed/localities.ts';
import type { Channel } from '../../../db/schema/responses.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { problems } from '../../error-catalogue.ts';
import { responseRow, sha256Json } from './response-row.ts';

export const EARLIER_DEMO_ROUND = 'DN-2024';
const FACT = 'demo_responses_loaded';

const districts = demoLocalities.filter((l) => l.level === 'district');
/** How each demo district fares, so that the districts differ visibly (about −0.5 … +0.5). */
const districtMood = new Map(districts.map((d, i) => [d.code, [0.35, -0.2, 0.1, -0.45, 0.2, -0.05, 0.45, -0.3][i] ?? 0]));

const officeKinds = [
  { prefix: 'MC', name: 'Bộ phận Một cửa' },
  { prefix: 'DD', name: 'Chi nhánh Văn phòng đăng ký đất đai' },
  { prefix: 'BH', name: 'Bảo hiểm xã hội' },
];

function demoOffices(district: { code: string; name: string }) {
  const place = district.name.replace(/^Thành phố /, 'thành phố ').replace(/^Huyện /, 'huyện ');
  return officeKinds.map((kind) => ({ code: `${kind.prefix}-${district.code}`, name: `${kind.name} ${place}`, localityCode: district.code }));
}

const loadedKey = (round: string, seed: number) => `demo_responses:${round}:${seed}`;

/**
 * A frame for the earlier demo round, so that the demo shows weighted results beside the unweighted
 * current round: adults per district for paper and online strata, files processed for office
 * strata. Illustrative figures, not official statistics.
 */
function demoFrame() {
  const adults = [58_000, 45_000, 70_000, 72_000, 50_000, 52_000, 64_000, 34_000];
  return districts.flatMap((d, i) => [
    { stratum: `${d.code}-office`, population: Math.round(adults[i] * 0.35) },
    { stratum: `${d.code}-paper`, population: adults[i] },
    { stratum: `${d.code}-online`, population: Math.round(adults[i] * 0.2) },
  ]);
}

/** The demo's offices and its earlier round (published, so the public page has something to show). */
export async function ensureDemoRounds(db: Database): Promise<void> {
  for (const district of districts) for (const office of demoOffices(district)) await insertOfficeIfAbsent(db, office);
  await insertRoundIfAbsent(db, {
    code: EARLIER_DEMO_ROUND,
    name: 'Khảo sát SIPAS năm 2024 — tỉnh Đắk Nông (dữ liệu mẫu)',
    year: 2024,
    provinceCodes: ['67'],
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    questionnaires: { citizen: '2024' },
    target: 85,
    status: 'published',
    publishedAt: new Date('2025-01-15T09:00:00+07:00'),
    demo: true,
  });
  const earlier = await findRoundByCode(db, EARLIER_DEMO_ROUND);
  if (earlier?.demo && !(await findFrame(db, earlier.id))) await replaceFrame(db, earlier.id, demoFrame());
  const round = await findRoundByCode(db, DEMO_ROUND_CODE);
  if (!round?.demo) return;
  for (const district of districts) {
    for (const { code } of demoOffices(district)) {
      const office = await findOfficeByCode(db, code);
      if (office) await ensureLink(db, office.id, round.id);
    }
  }
}

/** Loads `count` synthetic responses into a demo round; refuses any round not marked demo. */
export async function loadDemoResponses(db: Database, round: RoundRow, count: number, seed = 1): Promise<number> {
  if (!round.demo) {
    throw problems.notADemoRound({ code: round.code });
  }
  const def = await findQuestionnaire(db, round.questionnaires.citizen);
  if (!def) throw new Error(`questionnaire ${round.questionnaires.citizen} is not stored`);
  const offices = new Map<string, number[]>();
  for (const district of districts) {
    for (const { code } of demoOffices(district)) {
      const office = await findOfficeByCode(db, code);
      if (office) offices.set(district.code, [...(offices.get(district.code) ?? []), office.id]);
    }
  }
  return db.transaction(async (tx) => {
    // Two loads of one seed take turns on the fact's row and add nothing twice.
    const key = loadedKey(round.code, seed);
    const loaded = ((await lockFact(tx, key, { count: 0 })) as { count?: number }).count ?? 0;
    if (loaded >= count) return 0;
    const rows = demoRows(def, round, offices, seed, count).slice(loaded);
    await insertServerResponses(tx, rows);
    await setFact(tx, key, { count });
    return rows.length;
  });
}

function demoRows(def: QuestionnaireDefinition, round: RoundRow, offices: Map<string, number[]>, seed: number, count: number) {
  const next = seededRandom(seed + round.id * 7919);
  // Later rounds a little better: the trend should show something.
  const drift = round.periodStart >= '2025-01-01' ? 0.12 : 0;
  const rows = [];
  for (let k = 0; k < count; k++) {
    const district = districts[Math.floor(next() ** 1.15 * districts.length)];
    const u = next();
    const here = offices.get(district.code) ?? [];
    const channel: Channel = u < 0.55 && here.length > 0 ? 'office' : u < 0.85 ? 'paper' : 'online';
    const officeId = channel === 'office' ? here[Math.floor(next() * here.length)] : null;
    const mood = (districtMood.get(district.code) ?? 0) + drift + (next() - 0.5) * 0.9;
    const { profile, answers } = demoAnswers(def, next, { mood, procedureRate: channel === 'office' ? 0.95 : 0.6 });
    const id = randomUUID();
    rows.push(
      responseRow(def, {
        id,
        round,
        channel,
        officeId,
        locality: { province: round.provinceCodes[0], district: district.code, commune: null },
        profile,
        answers,
        contentHash: sha256Json({ id, profile, answers }),
        submittedAt: new Date(Date.parse(`${round.periodStart}T08:00:00+07:00`) + Math.floor(next() * 150) * 86_400_000),
      }),
    );
  }
  return rows;
}

/** On a new installation with the demo (once): offices, the earlier round, and responses in both. */
export async function seedDemoResponses(db: Database, options: { count?: number } = {}): Promise<boolean> {
  if (!(await hasFact(db, 'demo_data_loaded')) || (await hasFact(db, FACT))) return false;
  await ensureDemoRounds(db);
  for (const code of [EARLIER_DEMO_ROUND, DEMO_ROUND_CODE]) {
    const round = await findRoundByCode(db, code);
    if (round?.demo) await loadDemoResponses(db, round, options.count ?? (code === DEMO_ROUND_CODE ? 2000 : 1600));
  }
  await recordFact(db, FACT, { rounds: [EARLIER_DEMO_ROUND, DEMO_ROUND_CODE] });
  return true;
}

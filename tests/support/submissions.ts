import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { ensureLink, ensureOnlineLink } from '../../db/queries/links.ts';
import { findOfficeByCode, findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_OFFICE_CODE, DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { satisfactionItems } from '../../analysis/questionnaire/structure.ts';
import { randomAnswers, seededRandom } from './random-responses.ts';

/** The demo round's survey links in this test file's database (tokens are random per database). */
const links: { office?: string; online?: string } = {};

/** Finds (or makes) the demo office's link and the demo round's online link; called once the database is seeded. */
export async function rememberDemoLinks(db: Database): Promise<{ office: string; online: string }> {
  const round = await findRoundByCode(db, DEMO_ROUND_CODE);
  const office = await findOfficeByCode(db, DEMO_OFFICE_CODE);
  if (!round || !office) throw new Error('the demo round or office is not seeded');
  links.office = await ensureLink(db, office.id, round.id);
  links.online = await ensureOnlineLink(db, round.id);
  return { office: links.office, online: links.online };
}

export function demoLinks(): { office: string; online: string } {
  if (!links.office || !links.online) throw new Error('rememberDemoLinks() has not run for this database');
  return { office: links.office, online: links.online };
}

/** Times as the survey page reports them: opened ten minutes ago, finished just now. */
export function plausibleTimes(now = Date.now()) {
  return { startedAt: new Date(now - 10 * 60_000).toISOString(), submittedAt: new Date(now).toISOString() };
}

function completeAnswers() {
  const def = seededQuestionnaire('2024')!;
  const answers: Record<string, unknown> = { had_procedure: 'yes', made_feedback: 'no' };
  for (const item of satisfactionItems(def)) if (item.element !== 'B5') answers[item.code] = 4;
  return answers;
}

/**
 * A complete office response to the demo round (questionnaire 2024) through the demo office's
 * link: someone who went through a procedure but made no complaint, so B5 does not apply.
 */
export function officeSubmission(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    // Unknown before a test database is seeded (answers made at a file's top level need no link).
    link: links.office,
    round: DEMO_ROUND_CODE,
    channel: 'office',
    office: DEMO_OFFICE_CODE,
    profile: { sex: 'nu', age_group: '35_49' },
    answers: completeAnswers(),
    ...plausibleTimes(),
    ...overrides,
  };
}

/** The same response sent through the demo round's online link, from Gia Nghĩa unless said otherwise. */
export function onlineSubmission(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    link: links.online,
    round: DEMO_ROUND_CODE,
    channel: 'online',
    locality: { province: '67', district: '660' },
    profile: { sex: 'nu', age_group: '35_49' },
    answers: completeAnswers(),
    ...plausibleTimes(),
    ...overrides,
  };
}

/**
 * Realistic answers that differ from one `k` to the next in many ratings, for tests that post
 * several responses through one link and want them counted (near-identical ones are held for review).
 */
export function distinctAnswers(k: number): { profile: Record<string, unknown>; answers: Record<string, unknown> } {
  return randomAnswers(seededQuestionnaire('2024')!, seededRandom(7919 * (k + 1)));
}

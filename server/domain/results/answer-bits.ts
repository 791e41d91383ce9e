/**
 * Keeps every stored response's answer bits current: responses stored before the bits existed, or
 * under a layout that has since changed (the layout follows from the questionnaire version and the
 * estimation plan), get them made again from their JSON record before results are computed.
 */
import { createHash } from 'node:crypto';
import { answerBitsLayout, encodeAnswerBits, layoutFingerprint, type AnswerBitsLayout } from '../../../analysis/estimation/answer-bits.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import type { Answers } from '../../../analysis/questionnaire/skip.ts';
import type { Database } from '../../../db/client.ts';
import { factValue, setFact } from '../../../db/queries/installation.ts';
import { clearAnswerBits, responsesWithoutBits, setAnswerBits } from '../../../db/queries/results.ts';

const layouts = new WeakMap<QuestionnaireDefinition, AnswerBitsLayout>();

export function layoutOf(def: QuestionnaireDefinition): AnswerBitsLayout {
  let layout = layouts.get(def);
  if (!layout) layouts.set(def, (layout = answerBitsLayout(def)));
  return layout;
}

/** The bits stored with a new response; `all` and `applicable` when the caller has them already. */
export function answerBitsOf(
  def: QuestionnaireDefinition,
  profile: Answers,
  answers: Answers,
  all: Answers = { ...profile, ...answers },
  applicable?: Set<string>,
): Buffer {
  const bytes = encodeAnswerBits(def, layoutOf(def), all, applicable);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const PAGE = 500;

export async function ensureAnswerBits(db: Database, def: QuestionnaireDefinition): Promise<number> {
  const key = `answer_bits_layout:${def.version}`;
  const fingerprint = createHash('sha256')
    .update(layoutFingerprint(layoutOf(def)))
    .digest('hex');
  const recorded = await factValue(db, key);
  if (recorded !== fingerprint) {
    await db.transaction(async (tx) => {
      // Bits made under another layout are wrong now; with none recorded they were made by this one.
      if (recorded !== undefined) await clearAnswerBits(tx, def.version);
      await setFact(tx, key, fingerprint);
    });
  }
  let made = 0;
  for (;;) {
    const page = await responsesWithoutBits(db, def.version, PAGE);
    if (page.length === 0) return made;
    await db.transaction(async (tx) => {
      for (const r of page) await setAnswerBits(tx, r.id, answerBitsOf(def, r.profile as Answers, r.answers as Answers));
    });
    made += page.length;
  }
}

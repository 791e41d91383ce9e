import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../../analysis/questionnaire/answers-schema.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { keyingFields, type KeyingQuestionnaire } from '../../../survey-ui/src/staff/keying/form-state.ts';
import { decidedForm, reconcileRows, undecided, type Choices } from '../../../survey-ui/src/staff/reconcile/decisions.ts';
import { officeSubmission } from '../../support/submissions.ts';

const def = seededQuestionnaire('2024')!;
const q = localizeQuestionnaire(def, 'vi') as unknown as KeyingQuestionnaire;
const fields = keyingFields(q);

const entry = () => {
  const { profile, answers } = officeSubmission();
  return { profile: { ...profile }, answers: { ...answers } as Record<string, string | number> };
};

describe('reconciling two entries of a form', () => {
  it('keeps agreed values and asks only about the fields that differ', () => {
    const first = entry();
    const second = entry();
    second.answers.A1_1 = 2;
    second.profile.sex = 'nam';
    const rows = reconcileRows(q, fields, first, second, {});
    expect(undecided(rows, {}).map((r) => r.field.code)).toEqual(['sex', 'A1_1']);
    expect(rows.find((r) => r.field.code === 'A1_2')).toMatchObject({ differs: false, decided: 4 });
  });

  it('takes the first keyer’s, the second keyer’s or a typed value, and builds a valid form', () => {
    const first = entry();
    const second = entry();
    second.answers.A1_1 = 2;
    second.answers.A1_2 = 5;
    second.profile.sex = 'nam';
    const choices: Choices = { sex: { pick: 'second' }, A1_1: { pick: 'first' }, A1_2: { pick: 'other', value: 3 } };
    const rows = reconcileRows(q, fields, first, second, choices);
    expect(undecided(rows, choices)).toEqual([]);
    const form = decidedForm(rows);
    expect(form.profile.sex).toBe('nam');
    expect(form.answers).toMatchObject({ A1_1: 4, A1_2: 3 });
    expect(answersSchema(def).safeParse(form).success).toBe(true);
  });

  it('treats a typed blank as absent', () => {
    const first = entry();
    const second = entry();
    second.answers.A1_1 = 2;
    const form = decidedForm(reconcileRows(q, fields, first, second, { A1_1: { pick: 'other', value: null } }));
    expect(form.answers.A1_1).toBeUndefined();
  });

  it('drops the service part when the decided screening answer says no procedure, needing no decision there', () => {
    const first = entry();
    const second = entry();
    second.answers.had_procedure = 'no';
    delete second.answers.made_feedback;
    for (const code of Object.keys(second.answers)) if (code.startsWith('B')) delete second.answers[code];
    const open = reconcileRows(q, fields, first, second, {});
    expect(undecided(open, {}).length).toBeGreaterThan(10);

    const choices: Choices = { had_procedure: { pick: 'second' } };
    const rows = reconcileRows(q, fields, first, second, choices);
    expect(undecided(rows, choices)).toEqual([]);
    const form = decidedForm(rows);
    expect(form.answers.B1_1).toBeUndefined();
    expect(form.answers.made_feedback).toBeUndefined();
    expect(answersSchema(def).safeParse(form).success).toBe(true);
  });
});

/**
 * How a question is named to staff: by the number printed beside it on the paper form ("Câu 4",
 * "A1_1"), never by the code the database keeps. A version that prints no number for a question
 * still prints the labels of its satisfaction items and expectations, which are their codes.
 */
import type { Field } from './form-state.ts';

export function printedNumber(field: Field): string | undefined {
  const { question } = field;
  if (question.number) return question.number;
  return question.role === 'satisfaction' || question.role === 'expectation' ? question.code : undefined;
}

/** "I.8 Trong thời gian qua, Ông/Bà có trực tiếp giải quyết…": number and wording, as the row shows them. */
export function questionLabel(field: Field): string {
  const number = printedNumber(field);
  return number ? `${number} ${field.question.text}` : field.question.text;
}

/** A field the server names by its path ("answers.A1_1", "profile.sex") as the paper prints it, if it is a question. */
export function questionOfPath(fields: Field[], path: string): string | undefined {
  const match = /^(?:answers|profile)\.([A-Za-z][A-Za-z0-9_]*)/.exec(path);
  const field = match ? fields.find((f) => f.code === match[1]) : undefined;
  return field ? questionLabel(field) : undefined;
}

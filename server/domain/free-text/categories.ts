/**
 * The categories analysts sort a round's free answers into, and the tags that put an answer in
 * one. A category belongs to one round; an answer is a response of that round and one of its
 * free-text questions. Every change is audited with what it was before.
 */
import type { AnswerTagsView, CategoryView } from '../../../contract/free-text.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import {
  categoryNamed,
  categoryOfRound,
  deleteCategory,
  deleteTag,
  freeAnswerOf,
  insertCategory,
  insertTag,
  renameCategory,
  tagsOfAnswer,
} from '../../../db/queries/free-text.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import { roundOrFail } from '../paper-forms/paper-forms.ts';
import { questionnaireOfRound } from '../results/results.ts';
import { textFieldsOf } from './free-answers.ts';

const tidy = (name: string) => name.normalize('NFC').replace(/\s+/gu, ' ').trim();
/** Two names that differ only in case or spacing are one category. */
const keyOf = (name: string) => tidy(name).toLocaleLowerCase('vi');

export async function createCategory(db: Database, actorId: number, code: string, rawName: string): Promise<CategoryView> {
  const round = await roundOrFail(db, code);
  const name = tidy(rawName);
  return db.transaction(async (tx) => {
    const row = await insertCategory(tx, round.id, name, keyOf(name));
    if (!row) throw problems.freeTextCategoryExists({ name });
    await recordAudit(tx, [
      { userId: actorId, action: 'create_free_text_category', entity: 'free_text_category', entityId: String(row.id), newValue: { round: round.code, name } },
    ]);
    return { id: row.id, name: row.name };
  });
}

async function categoryOrFail(db: Database, round: RoundRow, id: number) {
  const category = await categoryOfRound(db, round.id, id);
  if (!category) throw problems.freeTextCategoryNotFound({ id, round: round.code });
  return category;
}

export async function renameFreeTextCategory(db: Database, actorId: number, code: string, id: number, rawName: string): Promise<CategoryView> {
  const round = await roundOrFail(db, code);
  const name = tidy(rawName);
  return db.transaction(async (tx) => {
    const category = await categoryOrFail(tx, round, id);
    if (category.name === name) return { id, name };
    const other = await categoryNamed(tx, round.id, keyOf(name));
    if (other && other.id !== id) throw problems.freeTextCategoryExists({ name });
    await renameCategory(tx, id, name, keyOf(name));
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'rename_free_text_category',
        entity: 'free_text_category',
        entityId: String(id),
        field: 'name',
        oldValue: category.name,
        newValue: name,
      },
    ]);
    return { id, name };
  });
}

export async function deleteFreeTextCategory(db: Database, actorId: number, code: string, id: number) {
  const round = await roundOrFail(db, code);
  return db.transaction(async (tx) => {
    const category = await categoryOrFail(tx, round, id);
    const untagged = await deleteCategory(tx, id);
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'delete_free_text_category',
        entity: 'free_text_category',
        entityId: String(id),
        oldValue: { round: round.code, name: category.name, tagged: untagged },
      },
    ]);
    return { id, untagged };
  });
}

/** Puts an answer in a category (tagged) or takes it out; doing it twice changes nothing more. */
export async function setAnswerTag(
  db: Database,
  actorId: number,
  target: { code: string; responseId: string; item: string; id: number },
  tagged: boolean,
): Promise<AnswerTagsView> {
  const round = await roundOrFail(db, target.code);
  const types = (['citizen', 'organisation'] as const).filter((t) => round.questionnaires[t] !== undefined);
  const fields = (await Promise.all(types.map(async (t) => textFieldsOf(await questionnaireOfRound(db, round, t)))))
    .flat()
    .filter((f) => f.code === target.item);
  if (fields.length === 0) throw problems.notAFreeTextItem({ item: target.item, path: 'params.item' });
  return db.transaction(async (tx) => {
    const category = await categoryOrFail(tx, round, target.id);
    let text: string | null | undefined;
    for (const field of fields) text ??= await freeAnswerOf(tx, round.id, target.responseId, field);
    if (typeof text !== 'string' || text.trim() === '')
      throw problems.freeAnswerNotFound({ responseId: target.responseId, item: target.item, round: round.code });
    const changed = tagged
      ? await insertTag(tx, { categoryId: category.id, responseId: target.responseId, questionCode: target.item, taggedBy: actorId })
      : await deleteTag(tx, category.id, target.responseId, target.item);
    if (changed)
      await recordAudit(tx, [
        {
          userId: actorId,
          action: tagged ? 'tag_free_text' : 'untag_free_text',
          entity: 'free_text_answer',
          entityId: `${target.responseId}/${target.item}`,
          field: 'category',
          ...(tagged ? { newValue: { id: category.id, name: category.name } } : { oldValue: { id: category.id, name: category.name } }),
        },
      ]);
    return { responseId: target.responseId, item: target.item, categories: await tagsOfAnswer(tx, target.responseId, target.item) };
  });
}

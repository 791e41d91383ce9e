/**
 * Reading a round's free answers: filtered by locality, office, question, category and words,
 * paged, with the counts per category; and the same answers as a CSV or XLSX file. Personal data
 * is masked here, on the server, for every reader not cleared to see it (users.can_read_comments;
 * admins and managers always are), and the search reads the text as that reader sees it — so a
 * search cannot be used to guess what a mask hides.
 */
import { maskPersonalData } from '../../../analysis/free-text/personal-data.ts';
import { matchesSearch } from '../../../analysis/free-text/search-text.ts';
import { answerGroup } from '../../../analysis/questionnaire/answer-rules.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import type {
  FreeAnswersView,
  FreeAnswerView,
  FreeTextCountsQuery,
  FreeTextCountsView,
  FreeTextFilters,
  FreeTextListQuery,
} from '../../../contract/free-text.ts';
import type { Database } from '../../../db/client.ts';
import { categoriesOfRound, freeAnswerRows, officesByIds, type CategoryRow, type FreeAnswerRow } from '../../../db/queries/free-text.ts';
import { findLocalities } from '../../../db/queries/localities.ts';
import { findOfficesByCode } from '../../../db/queries/offices.ts';
import type { TextField } from '../../../db/queries/microdata.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { readsFreeText } from '../../../db/queries/users.ts';
import { problems } from '../../error-catalogue.ts';
import { roundOrFail } from '../paper-forms/paper-forms.ts';
import { questionnaireOfRound } from '../results/results.ts';

/** The free-text questions of a version, where their answers are kept. */
export function textFieldsOf(def: QuestionnaireDefinition): TextField[] {
  return def.questions.filter((q) => q.type === 'text').map((q) => ({ group: answerGroup(q), code: q.code }));
}

/** What a reader may see of a text: all of it when cleared, else with personal data masked. */
export const textFor = (clear: boolean) => (clear ? (text: string) => text : maskPersonalData);

type Place = { code: string; name: string };

interface Matching {
  round: RoundRow;
  def: QuestionnaireDefinition;
  clear: boolean;
  /** Matching every filter but the category, text as the reader sees it. */
  answers: FreeAnswerView[];
  categories: CategoryRow[];
}

async function matching(db: Database, readerId: number, code: string, filters: FreeTextFilters): Promise<Matching> {
  const round = await roundOrFail(db, code);
  const def = await questionnaireOfRound(db, round, filters.respondentType);
  let fields = textFieldsOf(def);
  if (filters.item !== undefined) {
    fields = fields.filter((f) => f.code === filters.item);
    if (fields.length === 0) throw problems.notAFreeTextItem({ item: filters.item, path: 'querystring.item' });
  }
  let officeId: number | undefined;
  if (filters.office !== undefined) {
    const [office] = await findOfficesByCode(db, [filters.office]);
    if (!office) throw problems.notFound('office', { code: filters.office });
    officeId = office.id;
  }
  if (filters.locality !== undefined && (await findLocalities(db, [filters.locality])).length === 0)
    throw problems.notFound('locality', { code: filters.locality });
  const [clear, rows, categories] = await Promise.all([
    readsFreeText(db, readerId),
    freeAnswerRows(db, { roundId: round.id, respondentType: filters.respondentType, fields, locality: filters.locality, officeId }),
    categoriesOfRound(db, round.id),
  ]);
  const shown = textFor(clear);
  const found = rows.map((r) => ({ ...r, text: shown(r.text) })).filter((r) => filters.q === undefined || matchesSearch(r.text, filters.q));
  return { round, def, clear, answers: await withPlaces(db, found), categories };
}

async function withPlaces(db: Database, rows: FreeAnswerRow[]): Promise<FreeAnswerView[]> {
  const codes = new Set<string>();
  for (const r of rows) for (const c of [r.province, r.district, r.commune]) if (c) codes.add(c);
  const [units, offices] = await Promise.all([
    findLocalities(db, [...codes]),
    officesByIds(db, [...new Set(rows.flatMap((r) => (r.officeId === null ? [] : [r.officeId])))]),
  ]);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const place = (c: string): Place => ({ code: c, name: names.get(c) ?? c });
  return rows.map(({ officeId, ...r }) => ({
    ...r,
    office: officeId === null ? null : (offices.get(officeId) ?? null),
    province: place(r.province),
    district: r.district ? place(r.district) : null,
    commune: r.commune ? place(r.commune) : null,
  }));
}

const inCategory = (category: FreeTextFilters['category']) => (a: FreeAnswerView) =>
  category === undefined || (category === 'none' ? a.categories.length === 0 : a.categories.includes(category));

export async function freeAnswers(db: Database, readerId: number, code: string, query: FreeTextListQuery): Promise<FreeAnswersView> {
  const { round, def, clear, answers, categories } = await matching(db, readerId, code, query);
  const counts = new Map<number, number>();
  for (const a of answers) for (const id of a.categories) counts.set(id, (counts.get(id) ?? 0) + 1);
  const selected = answers.filter(inCategory(query.category));
  const from = (query.page - 1) * query.pageSize;
  return {
    round: round.code,
    respondentType: query.respondentType,
    clear,
    items: def.questions.filter((q) => q.type === 'text').map((q) => ({ code: q.code, vi: q.text.vi, en: q.text.en ?? null })),
    total: selected.length,
    page: query.page,
    pageSize: query.pageSize,
    categories: categories.map((c) => ({ id: c.id, name: c.name, count: counts.get(c.id) ?? 0 })),
    untagged: answers.filter((a) => a.categories.length === 0).length,
    answers: selected.slice(from, from + query.pageSize),
  };
}

const collator = new Intl.Collator('vi');

/** Answers per category in each province, district, commune or office (those with answers), within the filters. */
export async function freeTextCounts(db: Database, readerId: number, code: string, query: FreeTextCountsQuery): Promise<FreeTextCountsView> {
  const { answers, categories } = await matching(db, readerId, code, query);
  const position = new Map(categories.map((c, i) => [c.id, i]));
  const rows = new Map<string, FreeTextCountsView['rows'][number]>();
  for (const a of answers.filter(inCategory(query.category))) {
    const unit = query.by === 'office' ? a.office : a[query.by];
    const key = unit ?? { code: '', name: '' };
    let row = rows.get(key.code);
    if (!row) rows.set(key.code, (row = { code: key.code, name: key.name, total: 0, untagged: 0, counts: categories.map(() => 0) }));
    row.total++;
    if (a.categories.length === 0) row.untagged++;
    for (const id of a.categories) row.counts[position.get(id)!]++;
  }
  return {
    by: query.by,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    rows: [...rows.values()].sort((x, y) => ((x.code === '') !== (y.code === '') ? (x.code === '' ? 1 : -1) : collator.compare(x.name, y.name))),
  };
}

export const FREE_TEXT_HEADER = ['response_id', 'round', 'province', 'district', 'commune', 'office', 'channel', 'received_at', 'item', 'text', 'categories'];

/** The answers matching the filters as table rows (text masked unless the reader is cleared), for a file. */
export async function freeAnswerTable(db: Database, readerId: number, code: string, filters: FreeTextFilters) {
  const { round, clear, answers, categories } = await matching(db, readerId, code, filters);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const rows = answers
    .filter(inCategory(filters.category))
    .map((a) => [
      a.responseId,
      round.code,
      a.province.code,
      a.district?.code ?? '',
      a.commune?.code ?? '',
      a.office?.code ?? '',
      a.channel,
      a.receivedAt,
      a.item,
      a.text,
      a.categories.map((id) => names.get(id) ?? String(id)).join('; '),
    ]);
  return { round, clear, rows };
}

/**
 * The results as the published SIPAS report lays them out: one table per level, a row per unit,
 * a column group per indicator (SIPAS, each part followed by its elements, then every item), each
 * group holding the index in percent and its 95 % confidence interval, rounded to two decimals as
 * published, and a mark saying why a figure is not reliable enough to publish. The mark reads each
 * figure's own `issues`: the one reliability rule, applied by the estimation.
 */
import type { EstimateFields, GroupResult } from '../../../analysis/estimation/results.ts';
import { parIndexPoints } from '../../../analysis/estimation/rounding.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { satisfactionItems } from '../../../analysis/questionnaire/structure.ts';
import type { RELIABILITY_ISSUES } from '../../../contract/results.ts';

export interface Indicator {
  code: string;
  kind: 'overall' | 'part' | 'element' | 'item';
  /** Vietnamese name as the report prints it, and the English one. */
  vi: string;
  en: string;
  /** A short heading for one-line headers (CSV): the item's code, otherwise the name. */
  short: string;
}

/** The indicators in the report's order: SIPAS, then each part followed by its elements, then the items. */
export function reportIndicators(def: QuestionnaireDefinition): Indicator[] {
  const elements = new Map(def.elements.map((e) => [e.code, e]));
  const questions = new Map(def.questions.map((q) => [q.code, q]));
  const overall = def.aggregation.overall.code;
  const indicators: Indicator[] = [{ code: overall, kind: 'overall', vi: `Chỉ số ${overall}`, en: `${overall} index`, short: overall }];
  for (const part of def.parts) {
    const vi = `Chỉ số hài lòng về ${lowerFirst(part.label.vi)}`;
    indicators.push({ code: part.code, kind: 'part', vi, en: part.label.en ?? part.code, short: vi });
    for (const code of part.elements) {
      const element = elements.get(code);
      const vi = `${code}. ${element?.label.vi ?? code}`;
      if (element) indicators.push({ code, kind: 'element', vi, en: `${code}. ${element.label.en ?? code}`, short: vi });
    }
  }
  for (const item of satisfactionItems(def)) {
    const text = questions.get(item.code)?.text;
    indicators.push({
      code: item.code,
      kind: 'item',
      vi: `${item.code}. ${text?.vi ?? item.code}`,
      en: `${item.code}. ${text?.en ?? item.code}`,
      short: item.code,
    });
  }
  return indicators;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** Rounded half away from zero at `decimals`, through the decimal text (so 1.005 gives 1.01). */
export function roundAsPublished(x: number | null, decimals = 2): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const sign = x < 0 ? -1 : 1;
  return sign * Number(`${Math.round(Number(`${Math.abs(x)}e${decimals}`))}e-${decimals}`);
}

type Issue = (typeof RELIABILITY_ISSUES)[number];

/** The report's marks: what each means, in Vietnamese and English, and which issues raise it. */
export const RELIABILITY_MARKS: ReadonlyArray<{ mark: string; issues: readonly Issue[]; vi: string; en: string }> = [
  { mark: '—', issues: ['no_estimate'], vi: 'không có số liệu (không ai trả lời hợp lệ)', en: 'no figure (no valid answer)' },
  {
    mark: '*',
    issues: ['few_respondents', 'low_effective_n', 'wide_interval'],
    vi: 'kém tin cậy, không nên công bố: ít người trả lời, cỡ mẫu hiệu dụng thấp hoặc khoảng tin cậy quá rộng',
    en: 'not reliable enough to publish: few respondents, low effective sample size or too wide an interval',
  },
  {
    mark: '†',
    issues: ['variance_not_estimable'],
    vi: 'không ước lượng được sai số (dưới hai đơn vị mẫu): không có khoảng tin cậy',
    en: 'no standard error (fewer than two sampling units): no interval',
  },
];

/** The figure's mark: empty when it is reliable, else the marks of its issues. */
export function reliabilityMark(e: Pick<EstimateFields, 'reliable' | 'issues'>): string {
  if (e.reliable && e.issues.length === 0) return '';
  if (e.issues.includes('no_estimate')) return '—';
  return RELIABILITY_MARKS.filter((m) => m.issues.some((i) => e.issues.includes(i)))
    .map((m) => m.mark)
    .join('');
}

/** What a level is called in the report (and as a sheet name). */
export function levelName(level: string): { vi: string; en: string } {
  const names: Record<string, { vi: string; en: string }> = {
    national: { vi: 'Toàn quốc', en: 'National' },
    all: { vi: 'Toàn bộ', en: 'Overall' },
    province: { vi: 'Tỉnh', en: 'Province' },
    district: { vi: 'Huyện', en: 'District' },
    commune: { vi: 'Xã', en: 'Commune' },
    office: { vi: 'Điểm khảo sát', en: 'Office' },
  };
  return names[level] ?? { vi: level, en: level };
}

export interface WideFigure {
  value: number | null;
  low: number | null;
  high: number | null;
  mark: string;
}

export interface WideRow {
  level: string;
  code: string;
  name: string;
  /** Respondents to the overall index. */
  n: number;
  figures: WideFigure[];
}

export interface WideTable {
  level: string;
  indicators: Indicator[];
  rows: WideRow[];
}

const MISSING: WideFigure = { value: null, low: null, high: null, mark: '—' };

/** One table per level, in the order the levels were asked for; rows in the result's order. */
export function wideTables(groups: readonly GroupResult[], levels: readonly string[], indicators: Indicator[]): WideTable[] {
  return levels.map((level) => ({
    level,
    indicators,
    rows: groups
      .filter((g) => g.level === level)
      .map((g) => {
        const byIndex = new Map(g.indices.map((i) => [i.index, i]));
        const overall = byIndex.get(indicators[0].code);
        return {
          level,
          code: g.code,
          name: g.name,
          n: overall?.n ?? 0,
          figures: indicators.map((indicator) => {
            const e = byIndex.get(indicator.code);
            if (!e) return MISSING;
            return { value: roundAsPublished(e.estimate), low: roundAsPublished(e.ci_low), high: roundAsPublished(e.ci_high), mark: reliabilityMark(e) };
          }),
        };
      }),
  }));
}

/** Criterion 8.1 of the PAR INDEX, in points out of 10, from a province's rounded SIPAS. */
export const parPoints = (sipas: number | null): number | null => (sipas === null ? null : roundAsPublished(parIndexPoints(sipas)));

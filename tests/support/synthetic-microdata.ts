/**
 * Synthetic SIPAS microdata with the features that make survey estimation hard: strata of unequal
 * size, clustered answers (PSU effects), unequal weights, skip logic (not applicable), missing
 * answers, and a stratum with a single PSU. Deterministic for a seed, for golden files and benchmarks.
 */
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { satisfactionItems } from '../../analysis/questionnaire/structure.ts';

export interface SyntheticOptions {
  responses: number;
  psus: number;
  districts: number;
  seed: number;
  /** Add a stratum with a single PSU. */
  lonelyStratum?: boolean;
}

/** Mulberry32: a small, fast, seedable generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DISTRICTS = ['660', '661', '662', '663', '664', '665', '666', '667'];

export interface SyntheticMicrodata {
  header: string[];
  rows: string[][];
}

interface SyntheticPsu {
  code: string;
  district: string;
  commune: string;
  stratum: string;
  effect: number;
  size: number;
}

export interface SyntheticResponse {
  psu: SyntheticPsu;
  sex: string;
  age: string;
  weight: number;
  /** Per satisfaction item: '1'–'5', '' (missing) or 'NA'. */
  answers: string[];
  harassment: string;
  infoChannels: string[];
}

export const AGE_GROUPS = ['18_25', '26_34', '35_49', '50_60', 'over_60'];
const CHANNELS = ['loa_xa', 'hop_dan_cu', 'co_quan', 'nguoi_than', 'bao_dai', 'internet', 'khac'];

/** Calls `each` for every synthetic response, in order. */
export function generateResponses(def: QuestionnaireDefinition, options: SyntheticOptions, each: (response: SyntheticResponse, index: number) => void): void {
  const next = random(options.seed);
  const items = satisfactionItems(def);
  const districts = DISTRICTS.slice(0, options.districts);
  // PSUs: communes or offices, each in one district and one stratum (district × channel).
  const psus: SyntheticPsu[] = Array.from({ length: options.psus }, (_, k) => {
    const district = districts[k % districts.length];
    const channel = k % 3 === 0 ? 'office' : 'paper';
    const effect = (next() - 0.5) * 1.6;
    return {
      code: `P${String(k + 1).padStart(4, '0')}`,
      district,
      commune: `${district}${String(Math.floor(k / districts.length) % 12).padStart(2, '0')}`,
      stratum: `${district}-${channel}`,
      effect,
      size: 0.3 + next() * 1.7,
    };
  });
  if (options.lonelyStratum)
    psus.push({ code: 'L0001', district: districts[0], commune: `${districts[0]}99`, stratum: `${districts[0]}-online`, effect: 0.4, size: 0.5 });
  const cumulative: number[] = [];
  psus.reduce((sum, p) => {
    cumulative.push(sum + p.size);
    return sum + p.size;
  }, 0);
  const totalSize = cumulative[cumulative.length - 1];

  for (let r = 0; r < options.responses; r++) {
    const u = next() * totalSize;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    const psu = psus[lo];
    const sex = next() < 0.55 ? 'nu' : 'nam';
    const age = AGE_GROUPS[Math.floor(next() ** 1.3 * AGE_GROUPS.length)];
    const hadProcedure = next() < 0.72;
    const complained = hadProcedure && next() < 0.3;
    const personal = (next() - 0.5) * 1.2 + (sex === 'nu' ? 0.15 : 0);
    const answers = items.map((item) => {
      if (item.part === 'service' && !hadProcedure) return 'NA';
      if (item.element === 'B5' && !complained) return 'NA';
      if (next() < 0.03) return '';
      const latent = 3.7 + psu.effect + personal + (item.position % 5) * 0.08 + (next() - 0.5) * 2.2;
      return String(Math.min(5, Math.max(1, Math.round(latent))));
    });
    const harassment = hadProcedure ? ['khong_co', 'mot_so', 'nhieu'][next() < 0.8 ? 0 : next() < 0.8 ? 1 : 2] : 'NA';
    const infoChannels = CHANNELS.filter(() => next() < 0.3);
    const weight = Number((psu.size * 180 * (0.7 + next() * 0.6)).toFixed(4));
    each({ psu, sex, age, weight, answers, harassment, infoChannels }, r);
  }
}

/** Synthetic microdata as CSV rows (header first), in the microdata exchange format. */
export function syntheticMicrodata(def: QuestionnaireDefinition, options: SyntheticOptions): SyntheticMicrodata {
  const items = satisfactionItems(def);
  const header = [
    'response_id',
    'round',
    'province',
    'district',
    'commune',
    'stratum',
    'psu',
    'weight',
    'sex',
    'age_group',
    ...items.map((i) => i.code),
    'harassment',
    'info_channels',
  ];
  const rows: string[][] = [];
  generateResponses(def, options, (x, r) => {
    rows.push([
      `R${String(r + 1).padStart(7, '0')}`,
      'SYN-1',
      '67',
      x.psu.district,
      x.psu.commune,
      x.psu.stratum,
      x.psu.code,
      x.weight.toFixed(4),
      x.sex,
      x.age,
      ...x.answers,
      x.harassment,
      x.infoChannels.join(';'),
    ]);
  });
  return { header, rows };
}

/**
 * Synthetic microdata of two rounds covering several provinces, for the R-checked fixtures of the
 * published figures (tests/golden/national/reference.R). Deterministic; run from the repository
 * root:  npx tsx tests/golden/national/generate.ts
 *
 * Design of each province: paper strata (district × paper) whose PSUs are villages, two to three
 * per commune (so communes have estimable variances), one district's paper stratum with a single
 * village (a lonely PSU); office strata, one per office (offices are all surveyed: each a stratum
 * of its own, respondents its PSUs). Weights are N_h / n_h from the frame (written beside).
 * Degenerate on purpose: province 60 has no complaint at all (B5 empty there), commune 60102 has
 * no valid answer to B2_3, commune 68203 lies in a single village, the third district of
 * each province has one village only (a lonely PSU), and office MC-681 has 4 respondents.
 * Rounds: "previous" has provinces 60, 67, 68; in "current" 67 has merged into 68 (map.csv).
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { satisfactionItems } from '../../../analysis/questionnaire/structure.ts';
import { compareVersions } from '../../../analysis/questionnaire/version-comparison.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { random } from '../../support/synthetic-microdata.ts';

const def = seededQuestionnaire('2024')!;
const items = satisfactionItems(def);
const folder = new URL('./', import.meta.url);

interface Psu { province: string; district: string; commune: string; stratum: string; psu: string; office: string; effect: number; size: number }

function design(next: () => number, provinces: string[]): Psu[] {
  const psus: Psu[] = [];
  for (const province of provinces) {
    for (let d = 1; d <= 3; d++) {
      const district = `${province}${d}`;
      const communes = d === 3 ? 1 : 3;
      for (let c = 1; c <= communes; c++) {
        const commune = `${district}0${c}`;
        const villages = d === 3 ? 1 : commune === '68203' ? 1 : 2 + (c % 2);
        for (let v = 1; v <= villages; v++) {
          psus.push({ province, district, commune, stratum: `${district}-paper`, psu: `${commune}-T${v}`, office: '', effect: (next() - 0.5) * 1.4, size: 18 + Math.floor(next() * 14) });
        }
      }
      // One office per district (the first district's has few respondents in province 68).
      const office = `MC-${district}`;
      psus.push({ province, district, commune: `${district}01`, stratum: office, psu: '', office, effect: (next() - 0.5) * 1.2, size: office === 'MC-681' ? 4 : 20 + Math.floor(next() * 15) });
    }
  }
  return psus;
}

function round(code: string, seed: number, provinces: string[], relabel: (p: string) => string): { rows: string[][]; frame: Map<string, number> } {
  const next = random(seed);
  const psus = design(next, provinces);
  const rows: string[][] = [];
  const frame = new Map<string, number>();
  const inStratum = new Map<string, number>();
  for (const unit of psus) {
    frame.set(unit.stratum, (frame.get(unit.stratum) ?? 0) + Math.round(unit.size * (unit.office ? 40 : 300) * (0.8 + next() * 0.4)));
    for (let r = 0; r < unit.size; r++) {
      const id = `${code}-${String(rows.length + 1).padStart(5, '0')}`;
      const sex = next() < 0.54 ? 'nu' : 'nam';
      const hadProcedure = unit.office !== '' || next() < 0.7;
      const complained = hadProcedure && unit.province !== '60' && next() < 0.25;
      const personal = (next() - 0.5) * 1.1;
      const answers = items.map((item) => {
        if (item.part === 'service' && !hadProcedure) return 'NA';
        if (item.element === 'B5' && !complained) return 'NA';
        if (item.code === 'B2_3' && unit.commune === '60102') return '';
        if (next() < 0.04) return '';
        const latent = 3.6 + unit.effect + personal + (unit.province === '60' ? 0.25 : 0) + (item.position % 4) * 0.1 + (next() - 0.5) * 2.4;
        return String(Math.min(5, Math.max(1, Math.round(latent))));
      });
      inStratum.set(unit.stratum, (inStratum.get(unit.stratum) ?? 0) + 1);
      rows.push([id, code, relabel(unit.province), unit.district, unit.commune, unit.stratum, unit.psu || id, '', sex, next() < 0.5 ? '18_34' : '35_plus', unit.office, ...answers]);
    }
  }
  for (const row of rows) row[7] = (frame.get(row[5])! / inStratum.get(row[5])!).toFixed(6);
  return { rows, frame };
}

const header = ['response_id', 'round', 'province', 'district', 'commune', 'stratum', 'psu', 'weight', 'sex', 'age_group', 'office', ...items.map((i) => i.code)];
const write = (name: string, rows: string[][]) => writeFileSync(new URL(name, folder), stringify(rows));
const previous = round('NAT-2024', 2024, ['60', '67', '68'], (p) => p);
const current = round('NAT-2025', 2025, ['60', '67', '68'], (p) => (p === '67' ? '68' : p));
write('previous.csv', [header, ...previous.rows]);
write('current.csv', [header, ...current.rows]);
write('previous-frame.csv', [['stratum', 'population'], ...[...previous.frame].map(([s, n]) => [s, String(n)])]);
write('current-frame.csv', [['stratum', 'population'], ...[...current.frame].map(([s, n]) => [s, String(n)])]);
write('map.csv', [['old_code', 'new_code', 'effective_from'], ['67', '68', '2025-07-01']]);
// The items 2022 and 2024 word alike: R forms the composites of a comparison across versions over them.
writeFileSync(new URL('common-items.json', folder), `${JSON.stringify(compareVersions(def, seededQuestionnaire('2022')!).commonItems)}\n`);

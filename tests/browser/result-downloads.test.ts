/**
 * Every download of the dashboard, fetched by its link in Chromium and opened as an analyst's tool
 * would open it: the report tables (XLSX read back with its formats, CSV), the microdata and its
 * codebook, and the SPSS, Stata and R syntax files, checked against the microdata's columns; the R
 * loader is run on the downloaded microdata where R is installed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff } from '../support/staff.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { apiJson } from './support/results.ts';
import { desk, typeLogIn } from './support/staff.ts';

const app = useBrowserApp();
const ROUND = 'DN-2025-H1';
const hasR = (() => {
  try {
    execFileSync('which', ['Rscript'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

describe('the downloads of the results dashboard', () => {
  it('give the report tables, the microdata, its codebook and syntax files that SPSS, Stata and R load with every label', { timeout: 180_000 }, async () => {
    const db = app.database().db;
    await loadDemo(db, 400);
    await addStaff(db, 'analyst', 'mai');
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const folder = await mkdtemp(join(tmpdir(), 'sipas-downloads-'));
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
      const path = join(folder, file.suggestedFilename());
      await copyFile((await file.path())!, path);
      const bytes = await readFile(path);
      return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
    };
    const api = await apiJson<AnalysisResult>(page, `/api/rounds/${ROUND}/results?by=province,district`);

    // The report tables in Excel: a sheet per level, frozen headers, 0.00 figures equal to the API's rounded.
    const report = await download('Bảng báo cáo (Excel)');
    expect(report.name).toBe(`sipas-bang-ket-qua-${ROUND}-province-district.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Thông tin', 'Tỉnh', 'Huyện', 'Chú giải', 'Mã hóa dữ liệu vi mô']);
    const districts = workbook.getWorksheet('Huyện')!;
    expect(districts.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const first = api.groups.filter((g) => g.level === 'district')[0];
    const row = districts.getRow(6);
    expect(row.getCell(3).value).toBe(first.name);
    const sipas = first.indices.find((i) => i.index === 'SIPAS')!;
    expect(row.getCell(5).value).toBe(round2(sipas.estimate));
    expect(row.getCell(5).numFmt).toBe('0.00');
    expect(row.getCell(4).numFmt).toBe('#,##0');
    const province = workbook.getWorksheet('Tỉnh')!;
    expect(province.getRow(4).getCell(5).value).toBe('Điểm tiêu chí 8.1 PAR INDEX (/10)');

    // The same as CSV, Vietnamese headers intact.
    const reportCsv = await download('Bảng báo cáo (CSV)');
    const [csvHeader, ...csvRows] = parse(reportCsv.text, { bom: true }) as string[][];
    expect(csvHeader.slice(0, 6)).toEqual(['Cấp', 'STT', 'Mã', 'Đơn vị', 'Số phiếu', 'SIPAS (%)']);
    expect(csvRows.find((r) => r[2] === '666')?.[3]).toBe("Huyện Đắk R'Lấp");

    // The microdata, its codebook and the three syntax files, each naming every column.
    const microdata = await download('Dữ liệu vi mô (CSV)');
    const [columns, ...records] = parse(microdata.text, { bom: true }) as string[][];
    expect(records).toHaveLength(400);
    const codebook = await download('Bảng mã dữ liệu vi mô');
    expect((parse(codebook.text, { bom: true }) as string[][]).slice(1).map((r) => r[0])).toEqual(columns);
    const spss = await download('Cú pháp SPSS (.sps)');
    const stata = await download('Cú pháp Stata (.do)');
    const r = await download('Tập lệnh R (.R)');
    for (const syntax of [spss, stata, r]) {
      expect(syntax.name.replace(/\.(sps|do|R)$/, '.csv')).toBe(microdata.name);
      expect(syntax.text).toContain(microdata.name);
    }
    expect([...spss.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const column of columns) {
      // SPSS and PSPP read `comment` at the head of a line as a COMMENT command: there it is `comment_`.
      expect(spss.text).toMatch(new RegExp(`^VARIABLE LABELS ${column === 'comment' ? 'comment_' : column} '.+'\\.$`, 'm'));
      expect(stata.text).toMatch(new RegExp(`^label variable ${column} \`".+"'$`, 'm'));
      expect(r.text).toContain(`attr(sipas[["${column}"]], "label") <- "`);
    }
    expect(stata.text).toContain('label define B3_1 1 `"Rất không hài lòng"\' 2 `"Không hài lòng"\'');
    expect(spss.text).toContain("  5 'Rất hài lòng'");

    if (hasR) {
      const check = join(folder, 'check.R');
      await writeFile(
        check,
        `setwd(${JSON.stringify(folder)}); source(${JSON.stringify(r.name)}, encoding = "UTF-8")\n` +
          'i <- sipas_indices(sipas_design); cat(jsonlite::toJSON(list(sipas = i$estimate[i$index == "SIPAS"], label = attr(sipas$A1_1, "label")), digits = NA, auto_unbox = TRUE))',
      );
      const { stdout } = await promisify(execFile)('Rscript', [check]);
      const out = JSON.parse(stdout) as { sipas: number; label: string };
      const overall = await apiJson<AnalysisResult>(page, `/api/rounds/${ROUND}/results?by=all`);
      expect(Math.abs(out.sipas - overall.groups[0].indices.find((i) => i.index === 'SIPAS')!.estimate!)).toBeLessThan(1e-8);
      expect(out.label).toContain('Cơ quan nhà nước cung cấp, giải thích thông tin về các chính sách');
    }
    await rm(folder, { recursive: true, force: true });
  });
});

/**
 * A Stata do-file (Stata 14 or later, which reads and labels in Unicode) that imports the
 * microdata CSV as UTF-8, turns every coded answer into a numeric variable with its Vietnamese
 * value labels ("not applicable" as the extended missing value .a), adds a 0/1 variable per option
 * of each multiple-choice question, labels every variable (full wording in notes where it is
 * longer than Stata's 80 characters) and declares the survey design with svyset.
 */
import { NOT_APPLICABLE_LABEL } from './microdata-labels.ts';
import { DESIGN, type MicrodataVariables, oneLine } from './microdata-variables.ts';

const VARIABLE_LABEL_CHARS = 80;

/**
 * A Stata compound-quoted string. Stata expands macros even inside quotes, so `$` and the
 * backtick are escaped; a `"'` inside would close the quotes early, so it is split by a space.
 */
const str = (text: string) => `\`"${escaped(text)}"'`;
const escaped = (text: string) => oneLine(text).replace(/\\/g, '\\\\').replace(/\$/g, '\\$').replace(/`/g, '\\`').replace(/"'/g, `" '`);

const cut = (text: string, max: number) => {
  const chars = [...oneLine(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

export function stataSyntax(data: MicrodataVariables, context: { title: string }): string {
  const columns = data.variables.map((v) => v.name);
  const lines: string[] = [
    `* ${oneLine(context.title)}`,
    '* Nạp dữ liệu vi mô vào Stata (bản 14 trở lên, Unicode) với nhãn biến, nhãn giá trị và thiết kế mẫu.',
    '* Loads the microdata into Stata 14+ with variable and value labels and the survey design.',
    `* Đặt tệp này cạnh ${data.fileName} (hoặc sửa local file dưới đây), rồi: do tệp-này.do`,
    `* .a = không áp dụng (câu bị bỏ qua theo điều kiện); . = không trả lời.`,
    'version 14',
    'clear',
    `local file ${str(data.fileName)}`,
    // Columns by position, not by the header line: its byte-order mark would change the first name.
    'import delimited using `"`file\'"\', encoding("utf-8") varnames(nonames) rowrange(2) stringcols(_all) bindquote(strict) delimiters(",") clear',
    `rename (${columns.map((_, k) => `v${k + 1}`).join(' ')}) ///`,
    `    (${columns.join(' ')})`,
    'label define sipas_chon 0 "Không chọn" 1 "Có chọn" .a "Không áp dụng", replace',
    '',
  ];
  const label = (name: string, text: string) => {
    lines.push(`label variable ${name} ${str(cut(text, VARIABLE_LABEL_CHARS))}`);
    if ([...oneLine(text)].length > VARIABLE_LABEL_CHARS) lines.push(`notes ${name}: ${escaped(text)}`);
  };
  for (const v of data.variables) {
    if (v.kind === 'number') lines.push(`destring ${v.name}, replace`);
    if (v.kind === 'coded') {
      const raw = `${v.name}_raw`.slice(0, 32);
      lines.push(`rename ${v.name} ${raw}`);
      lines.push(`generate ${Math.max(...v.values.map((x) => Math.abs(x.code))) < 100 ? 'byte' : 'long'} ${v.name} = .`);
      for (const x of v.values) lines.push(`replace ${v.name} = ${x.code} if ${raw} == ${str(x.raw)}`);
      lines.push(`replace ${v.name} = .a if ${raw} == ${str(data.notApplicable)}`);
      lines.push(`drop ${raw}`);
      lines.push(`label define ${v.name} ${v.values.map((x) => `${x.code} ${str(x.label)}`).join(' ')} .a ${str(NOT_APPLICABLE_LABEL)}, replace`);
      lines.push(`label values ${v.name} ${v.name}`);
    }
    if (v.kind === 'multi') {
      for (const o of v.options) {
        const token = `${data.separator}${o.raw}${data.separator}`;
        lines.push(
          `generate byte ${o.name} = strpos("${data.separator}" + ${v.name} + "${data.separator}", ${str(token)}) > 0 if !inlist(${v.name}, "", ${str(data.notApplicable)})`,
        );
        lines.push(`replace ${o.name} = .a if ${v.name} == ${str(data.notApplicable)}`);
        lines.push(`label values ${o.name} sipas_chon`);
        label(o.name, o.label);
      }
    }
    label(v.name, v.label);
  }
  const order = data.variables.flatMap((v) => [v.name, ...(v.kind === 'multi' ? v.options.map((o) => o.name) : [])]);
  lines.push(
    '',
    `order ${order.join(' ')}`,
    '',
    '* Thiết kế mẫu: tầng = địa bàn × kênh, đơn vị mẫu bậc một lồng trong tầng, trọng số thiết kế;',
    '* tầng chỉ có một đơn vị mẫu được căn giữa theo trung bình chung, như nền tảng và R (survey.lonely.psu = "adjust").',
    `egen long sipas_stratum = group(${DESIGN.strata})`,
    `egen long sipas_psu = group(${DESIGN.strata} ${DESIGN.ids})`,
    `svyset sipas_psu [pweight = ${DESIGN.weights}], strata(sipas_stratum) singleunit(centered) vce(linearized)`,
    `* save "${data.fileName.replace(/\.csv$/, '.dta')}", replace`,
    '',
  );
  return lines.join('\n');
}

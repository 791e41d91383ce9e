/**
 * An SPSS syntax file (.sps, UTF-8 with BOM; SPSS 16+ in Unicode mode, PSPP too) that reads the
 * microdata CSV, turns every coded answer into a numeric variable with its Vietnamese value labels
 * ("not applicable" as the user-missing code -1), adds a 0/1 variable per option of each
 * multiple-choice question, labels every variable and declares the survey design for Complex
 * Samples (CSPLAN, with-replacement Taylor linearisation as the platform and R estimate it).
 */
import { NOT_APPLICABLE_LABEL } from './microdata-labels.ts';
import { cutToBytes, DESIGN, FREE_TEXT_WIDTH, type MicrodataVariables, oneLine } from './microdata-variables.ts';

const NOT_APPLICABLE_CODE = -1;
/** SPSS's limits: variable labels 256 bytes, value labels 120 bytes. */
const VARIABLE_LABEL_BYTES = 256;
const VALUE_LABEL_BYTES = 120;

/** A quoted SPSS string: single quotes, doubled inside. */
const str = (text: string, maxBytes = Number.POSITIVE_INFINITY) => `'${cutToBytes(oneLine(text), maxBytes).replace(/'/g, "''")}'`;

/**
 * Words SPSS and PSPP read as an operator, or as the start of a COMMENT command at the head of a
 * line (PSPP stops reading GET DATA's variable list at `comment`): never a variable's name here.
 */
const NOT_A_NAME = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with', 'comment']);

/** The data with every variable SPSS could misread renamed (`comment` → `comment_`); its label keeps the meaning. */
function spssNames(data: MicrodataVariables): MicrodataVariables {
  const taken = new Set(data.variables.map((v) => v.name.toLowerCase()));
  const rename = (name: string) => {
    if (!NOT_A_NAME.has(name.toLowerCase())) return name;
    let renamed = `${name}_`;
    while (taken.has(renamed.toLowerCase())) renamed = `${renamed}_`;
    taken.add(renamed.toLowerCase());
    return renamed;
  };
  return { ...data, variables: data.variables.map((v) => ({ ...v, name: rename(v.name) })) };
}

export function spssSyntax(original: MicrodataVariables, context: { title: string }): string {
  const data = spssNames(original);
  const names = new Set(data.variables.flatMap((v) => [v.name, ...(v.kind === 'multi' ? v.options.map((o) => o.name) : [])]).map((n) => n.toLowerCase()));
  const rawName = (name: string) => {
    let raw = `${name}_raw`;
    for (let k = 2; names.has(raw.toLowerCase()); k++) raw = `${name}_raw${k}`;
    names.add(raw.toLowerCase());
    return raw;
  };
  const raws = new Map(data.variables.filter((v) => v.kind === 'coded').map((v) => [v.name, rawName(v.name)]));
  const reading = data.variables.map((v) => {
    if (v.kind === 'number') return `    ${v.name} F40.0`;
    return `    ${raws.get(v.name) ?? v.name} A${v.width}`;
  });
  const lines: string[] = [
    '* Encoding: UTF-8.',
    `* ${oneLine(context.title)}.`,
    '* Nạp dữ liệu vi mô vào SPSS với nhãn biến, nhãn giá trị và thiết kế mẫu / loads the microdata with labels and the survey design.',
    `* Đặt tệp này cạnh ${data.fileName} (hoặc sửa đường dẫn /FILE dưới đây), rồi chạy toàn bộ (Run > All).`,
    `* Mã ${NOT_APPLICABLE_CODE} = không áp dụng (câu bị bỏ qua theo điều kiện), khai báo là giá trị khuyết; ô trống = không trả lời (sysmis).`,
    ...(data.variables.some((v) => v.kind === 'text' && v.width === FREE_TEXT_WIDTH)
      ? [
          '* Ý kiến tự do có xuống dòng làm GET DATA tách phiếu: khi đó dùng tập lệnh R hoặc Stata / free text with line breaks splits a case here: use the R or Stata file then.',
        ]
      : []),
    'SET UNICODE=ON.',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${str(data.fileName)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    "  /DELIMITERS=','",
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...reading,
    '  .',
    '',
  ];
  for (const v of data.variables) {
    if (v.kind === 'coded') {
      const raw = raws.get(v.name)!;
      const pairs = [...v.values.map((x) => `(${str(x.raw)}=${x.code})`), `(${str(data.notApplicable)}=${NOT_APPLICABLE_CODE})`, '(ELSE=SYSMIS)'];
      lines.push(`RECODE ${raw} ${pairs.join(' ')} INTO ${v.name}.`);
      lines.push(`FORMATS ${v.name} (F${Math.max(2, ...v.values.map((x) => String(x.code).length))}.0).`);
      lines.push(`VALUE LABELS ${v.name} ${NOT_APPLICABLE_CODE} ${str(NOT_APPLICABLE_LABEL)}`);
      for (const x of v.values) lines.push(`  ${x.code} ${str(x.label, VALUE_LABEL_BYTES)}`);
      lines.push('  .', `MISSING VALUES ${v.name} (${NOT_APPLICABLE_CODE}).`, `VARIABLE LEVEL ${v.name} (${v.ordered ? 'ORDINAL' : 'NOMINAL'}).`);
    }
    if (v.kind === 'multi') {
      const text = `RTRIM(${v.name})`;
      for (const o of v.options) {
        lines.push(
          `COMPUTE ${o.name} = INDEX(CONCAT(${str(data.separator)}, ${text}, ${str(data.separator)}), ${str(`${data.separator}${o.raw}${data.separator}`)}) > 0.`,
        );
        lines.push(`IF (${text} = ${str(data.notApplicable)}) ${o.name} = ${NOT_APPLICABLE_CODE}.`);
        lines.push(`IF (${text} = '') ${o.name} = $SYSMIS.`);
        lines.push(`FORMATS ${o.name} (F2.0).`);
        lines.push(`VALUE LABELS ${o.name} ${NOT_APPLICABLE_CODE} ${str(NOT_APPLICABLE_LABEL)} 0 ${str('Không chọn')} 1 ${str('Có chọn')}.`);
        lines.push(`MISSING VALUES ${o.name} (${NOT_APPLICABLE_CODE}).`);
        lines.push(`VARIABLE LABELS ${o.name} ${str(o.label, VARIABLE_LABEL_BYTES)}.`);
      }
    }
    lines.push(`VARIABLE LABELS ${v.name} ${str(v.label, VARIABLE_LABEL_BYTES)}.`);
  }
  const order = data.variables.flatMap((v) => [v.name, ...(v.kind === 'multi' ? v.options.map((o) => o.name) : [])]);
  lines.push(
    '',
    '* Thứ tự cột như tệp CSV; bỏ các cột chữ trung gian.',
    'ADD FILES FILE=* /KEEP=',
    ...chunk(order, 8).map((names) => `    ${names.join(' ')}`),
    '  .',
    'EXECUTE.',
    `* SAVE OUTFILE=${str(data.fileName.replace(/\.csv$/, '.sav'))}.`,
    '',
    '* Thiết kế mẫu cho Complex Samples: tầng, đơn vị mẫu bậc một, trọng số thiết kế (ước lượng có hoàn lại, tuyến tính hóa Taylor).',
    `CSPLAN ANALYSIS /PLAN FILE=${str(data.fileName.replace(/\.csv$/, '.csaplan'))}`,
    `  /PLANVARS ANALYSISWEIGHT=${DESIGN.weights}`,
    `  /DESIGN STRATA=${DESIGN.strata} CLUSTER=${DESIGN.ids}`,
    '  /ESTIMATOR TYPE=WR.',
    '',
  );
  return lines.join('\n');
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, k) => list.slice(k * size, (k + 1) * size));
}

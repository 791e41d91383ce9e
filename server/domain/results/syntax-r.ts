/**
 * An R script that reads the microdata (UTF-8, BOM and all), gives every column its label and
 * every coded answer a factor with the questionnaire's Vietnamese labels, declares the survey
 * design as the platform estimates it (`survey::svydesign`, strata × PSU, design weights,
 * lonely PSUs centred at the grand mean) and defines `sipas_indices()`, which recomputes the item,
 * element, part and overall indices with their linearised standard errors from that design.
 */
import { DESIGN, type MicrodataVariables, oneLine } from './microdata-variables.ts';

/** An R string literal: JSON's escapes are R's (\" \\ \n \uXXXX). */
const str = (text: string) => JSON.stringify(oneLine(text));
const vector = (values: readonly (string | number)[]) => `c(${values.map((v) => (typeof v === 'number' ? String(v) : str(v))).join(', ')})`;

export function rSyntax(data: MicrodataVariables, context: { title: string }): string {
  const lines: string[] = [
    `# ${oneLine(context.title)}`,
    '# Nạp dữ liệu vi mô vào R với nhãn biến, nhãn giá trị và thiết kế mẫu của nền tảng.',
    "# Loads the microdata into R with variable and value labels and the platform's survey design.",
    '#',
    `# Đặt tệp này cạnh ${data.fileName}, rồi:  source("tệp-này.R", encoding = "UTF-8")`,
    '# hoặc:  Rscript tệp-này.R [đường dẫn tệp CSV]. Cần gói survey: install.packages("survey").',
    '# Kết quả: data.frame `sipas` (mã số và cột .factor có nhãn), thiết kế `sipas_design`,',
    '# và hàm sipas_indices(sipas_design) tính lại các chỉ số (%, sai số chuẩn).',
    `# "${data.notApplicable}" trong tệp = không áp dụng (câu bị bỏ qua theo điều kiện), ô trống = không trả lời: cả hai thành NA.`,
    '',
    'library(survey)',
    '# Như nền tảng: tầng chỉ có một đơn vị mẫu được căn giữa theo trung bình chung.',
    'options(survey.lonely.psu = "adjust")',
    '',
    `if (!exists("sipas_file")) sipas_file <- ${str(data.fileName)}`,
    'if (length(commandArgs(trailingOnly = TRUE)) > 0) sipas_file <- commandArgs(trailingOnly = TRUE)[1]',
    '# data.table::fread reads a million rows in seconds where it is installed; read.csv otherwise.',
    'sipas <- if (requireNamespace("data.table", quietly = TRUE)) {',
    '  as.data.frame(data.table::fread(sipas_file, colClasses = "character", na.strings = NULL, encoding = "UTF-8", showProgress = FALSE))',
    '} else {',
    '  read.csv(sipas_file, fileEncoding = "UTF-8-BOM", colClasses = "character", na.strings = character(0), check.names = FALSE, encoding = "UTF-8")',
    '}',
    `sipas_missing <- function(x) x == "" | x == ${str(data.notApplicable)}`,
    'sipas_code <- function(x, raw, codes) codes[match(x, raw)]',
    'sipas_chosen <- function(x, raw) ifelse(sipas_missing(x), NA_integer_,',
    `  as.integer(grepl(paste0(${str(data.separator)}, raw, ${str(data.separator)}), paste0(${str(data.separator)}, x, ${str(data.separator)}), fixed = TRUE)))`,
    '',
  ];
  for (const v of data.variables) {
    const name = str(v.name);
    if (v.kind === 'number') lines.push(`sipas[[${name}]] <- as.numeric(sipas[[${name}]])`);
    if (v.kind === 'text') lines.push(`sipas[[${name}]][sipas[[${name}]] == ""] <- NA`);
    if (v.kind === 'coded') {
      const codes = v.values.map((x) => x.code);
      lines.push(`sipas[[${name}]] <- sipas_code(sipas[[${name}]], ${vector(v.values.map((x) => x.raw))}, ${vector(codes)})`);
      lines.push(
        `sipas[[${str(`${v.name}.factor`)}]] <- factor(sipas[[${name}]], levels = ${vector(codes)}, labels = ${vector(v.values.map((x) => x.label))}${v.ordered ? ', ordered = TRUE' : ''})`,
      );
    }
    if (v.kind === 'multi') {
      for (const o of v.options) {
        lines.push(`sipas[[${str(o.name)}]] <- sipas_chosen(sipas[[${name}]], ${str(o.raw)})`);
        lines.push(`attr(sipas[[${str(o.name)}]], "label") <- ${str(o.label)}`);
      }
      lines.push(`sipas[[${name}]][sipas_missing(sipas[[${name}]])] <- NA`);
    }
    lines.push(`attr(sipas[[${name}]], "label") <- ${str(v.label)}`);
  }
  const { items, validValues, satisfiedValues, composites } = data.indices;
  lines.push(
    '',
    '# Thiết kế mẫu: tầng = địa bàn × kênh, đơn vị mẫu bậc một = psu, trọng số thiết kế = weight.',
    `sipas_design <- svydesign(ids = ~${DESIGN.ids}, strata = ~${DESIGN.strata}, weights = ~${DESIGN.weights}, nest = TRUE, data = sipas)`,
    '',
    '# Chỉ số tiêu chí = % trả lời hài lòng trong số trả lời hợp lệ; chỉ số nội dung, lĩnh vực và chung',
    '# là tổ hợp tuyến tính của các chỉ số tiêu chí với các hệ số dưới đây (theo phiên bản phiếu).',
    `sipas_items <- ${vector(items)}`,
    `sipas_valid <- ${vector(validValues)}`,
    `sipas_satisfied <- ${vector(satisfiedValues)}`,
    'sipas_composites <- list(',
    composites.map((c) => `  ${str(c.code)} = c(${c.coefficients.map(([item, w]) => `${str(item)} = ${Number(w.toPrecision(17))}`).join(', ')})`).join(',\n'),
    ')',
    '',
    '# Ví dụ / e.g.: sipas_indices(sipas_design); sipas_indices(subset(sipas_design, district == "660"))',
    '# Một tổ hợp có tiêu chí không ai trả lời hợp lệ trong miền cho NaN (nền tảng bỏ tiêu chí đó và chia lại trọng số).',
    'sipas_indices <- function(design) {',
    '  for (it in sipas_items) {',
    '    x <- design$variables[[it]]',
    '    design$variables[[paste0("sipas_v_", it)]] <- as.numeric(!is.na(x) & x %in% sipas_valid)',
    '    design$variables[[paste0("sipas_s_", it)]] <- as.numeric(!is.na(x) & x %in% sipas_satisfied)',
    '  }',
    '  totals <- svytotal(as.formula(paste("~", paste(c(paste0("sipas_s_", sipas_items), paste0("sipas_v_", sipas_items)), collapse = " + "))), design)',
    '  ratio <- function(it) sprintf("sipas_s_%s / sipas_v_%s", it, it)',
    '  combination <- function(w) paste(sprintf("%.17g * %s", w, vapply(names(w), ratio, "")), collapse = " + ")',
    '  expressions <- c(setNames(lapply(sipas_items, function(it) str2lang(ratio(it))), sipas_items),',
    '                   lapply(sipas_composites, function(w) str2lang(combination(w))))',
    '  estimates <- svycontrast(totals, expressions)',
    '  data.frame(index = names(expressions), estimate = 100 * unname(coef(estimates)), se = 100 * unname(SE(estimates)))',
    '}',
    '',
  );
  return lines.join('\n');
}

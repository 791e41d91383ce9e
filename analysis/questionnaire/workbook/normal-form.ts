/**
 * What a version must also satisfy to be uploaded: that its template (write.ts) reads back as the
 * same definition. The template lists questions once, in the order they are asked, each naming its
 * section and element, so a section's questions, an element's items and a part's elements must
 * follow that order; and a choice value of digits reads as a number, so a text value may not be digits.
 */
import type { DefinitionProblem } from '../consistency.ts';
import type { QuestionnaireDefinition } from '../definition.ts';

const sameOrder = (listed: readonly string[], order: readonly string[]) => {
  const position = new Map(order.map((code, k) => [code, k]));
  const positions = listed.map((code) => position.get(code) ?? -1);
  return positions.every((p, k) => k === 0 || p > positions[k - 1]);
};

export function normalFormProblems(def: QuestionnaireDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const questionOrder = def.questions.map((q) => q.code);
  const asked = def.sections.flatMap((s) => s.questions);
  if (!sameOrder(asked, questionOrder) || asked.length !== questionOrder.length) {
    const s = def.sections.findIndex((section) => !sameOrder(section.questions, questionOrder));
    problems.push({
      path: s >= 0 ? ['sections', s, 'questions'] : ['questions'],
      vi: 'các câu hỏi phải được liệt kê đúng theo thứ tự hỏi (thứ tự các mục, rồi thứ tự trong mục)',
      en: 'questions must be listed in the order they are asked (section by section)',
    });
  }
  def.elements.forEach((element, e) => {
    if (!sameOrder(element.items, questionOrder))
      problems.push({
        path: ['elements', e, 'items'],
        vi: `các tiêu chí của yếu tố ${element.code} phải theo thứ tự của câu hỏi`,
        en: `the items of element ${element.code} must follow the order of the questions`,
      });
  });
  const elementOrder = def.elements.map((e) => e.code);
  def.parts.forEach((part, p) => {
    if (!sameOrder(part.elements, elementOrder))
      problems.push({
        path: ['parts', p, 'elements'],
        vi: `các yếu tố của phần ${part.code} phải theo thứ tự khai báo yếu tố`,
        en: `the elements of part ${part.code} must follow the order the elements are declared in`,
      });
  });
  def.scales.forEach((scale, s) =>
    scale.options.forEach((option, k) => {
      if (typeof option.value === 'string' && /^-?[0-9]+$/.test(option.value))
        problems.push({
          path: ['scales', s, 'options', k, 'value'],
          vi: `giá trị "${option.value}" là chữ số viết dạng chữ: hãy viết thành số ${option.value}`,
          en: `the value "${option.value}" is digits written as text: write it as the number ${option.value}`,
        });
    }),
  );
  return problems;
}

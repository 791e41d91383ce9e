import { useState } from 'preact/hooks';
import type { QuestionnaireLabels, ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { questionPanels } from '../model/question-panels.ts';
import { ChoiceByUnit } from './ChoiceByUnit.tsx';
import { ChoiceMatrix } from './ChoiceMatrix.tsx';
import { ChoiceTable } from './ChoiceTable.tsx';
import { ReliabilityLegend } from './ReliabilityLegend.tsx';

/**
 * The rest of the questionnaire for one unit (the whole round, a locality or an office): who
 * answered, interest and information, harassment and informal payments, preferred channels, what
 * people want improved — each answer's weighted share with its margin of error and reliability.
 */
export function QuestionnairePanels({
  groups,
  labels,
  rule,
  formats,
}: {
  groups: ResultGroup[];
  labels: QuestionnaireLabels;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  const [key, setKey] = useState('');
  // A unit given twice (offices shown as the level and listed as offices) is listed once.
  const units = [...new Map(groups.map((g) => [`${g.level}:${g.code}`, g])).values()];
  const group = units.find((g) => `${g.level}:${g.code}` === key) ?? units[0];
  const panels = questionPanels(labels, units);
  if (!group || panels.length === 0) return null;
  return (
    <section class="questionnaire-panels" aria-labelledby="panels-title">
      <h2 id="panels-title">{t.panels.title}</h2>
      <p class="hint">{t.panels.explain}</p>
      <label class="no-print">
        <span>{t.panels.unit}</span>
        <select name="panels-unit" value={`${group.level}:${group.code}`} onChange={(e) => setKey(e.currentTarget.value)}>
          {units.map((g) => (
            <option key={`${g.level}:${g.code}`} value={`${g.level}:${g.code}`}>
              {g.name} ({t.panels.levels[g.level] ?? g.level})
            </option>
          ))}
        </select>
      </label>
      <p class="panels-unit" data-unit={`${group.level}:${group.code}`}>
        <strong>{group.name}</strong> ({t.panels.levels[group.level] ?? group.level})
      </p>
      {panels.map((panel) => (
        <section key={panel.code} class="question-panel" data-panel={panel.code} aria-labelledby={`panel-${panel.code}`}>
          <h3 id={`panel-${panel.code}`}>{t.panels.sectionTitles[panel.code] ?? panel.title}</h3>
          {panel.matrix ? (
            <ChoiceMatrix panel={panel} group={group} rule={rule} formats={formats} />
          ) : (
            <div class="choice-grid">
              {panel.questions.map((q) => (
                <ChoiceTable key={q.code} question={q} group={group} rule={rule} formats={formats} />
              ))}
            </div>
          )}
        </section>
      ))}
      <ChoiceByUnit panels={panels} groups={units} rule={rule} formats={formats} />
      <ReliabilityLegend rule={rule} />
    </section>
  );
}

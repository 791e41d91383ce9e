/**
 * The survey's first screen as HTML, written by the server into the page it sends for
 * `/s/<token>`: the respondent sees the first questions and can answer them after one round trip,
 * before the app's code has arrived. The UI's build makes this module a file of its own beside the
 * pages (survey-ui/build/first-screen.ts), which the server loads as it reads the page. The markup is the components' (App, SurveyHeader,
 * ProgressBar, QuestionScreen and the question controls) for a new respondent, in Vietnamese; the
 * app takes over when it starts, keeping the choices already made (boot/early-answers.ts). No
 * style attributes and no inline handlers: the page stays under the strict Content-Security-Policy.
 */
import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { SurveyLinkView } from '../../../../contract/links.ts';
import { vi } from '../messages/vi.ts';
import { choiceLayout, scaleHead, type Field } from '../model/fields.ts';
import { progressOf, visibleScreens, type ScreenGroup } from '../model/screens.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text and attribute values from data (an uploaded questionnaire, an office's name) are escaped. */
export const escapeHtml = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => escapes[c]);

/**
 * Whether the server can draw the link's first screen: an office link of an open round that asks
 * citizens only. Through the online link the respondent first chooses where they live, and a round
 * that also asks organisations first asks who answers: those screens come with the app.
 */
function drawsFirstScreen(link: SurveyLinkView): link is SurveyLinkView & { questionnaire: QuestionnaireDefinition } {
  return link.open && !!link.questionnaire && link.channel !== 'online' && !link.round.questionnaires.organisation;
}

function legend(field: Field): string {
  const required = field.required
    ? ` <span class="required"> <span aria-hidden="true">*</span><span class="visually-hidden">${escapeHtml(vi.required)}</span></span>`
    : '';
  const hint = field.hint ? `<p class="hint">${escapeHtml(field.hint)}</p>` : '';
  const any = field.kind === 'multi' ? `<p class="hint">${escapeHtml(vi.chooseAny)}</p>` : '';
  return `<legend>${escapeHtml(field.text)}${required}</legend><div id="${escapeHtml(field.code)}-note">${hint}${any}</div>`;
}

function choiceField(field: Field): string {
  const layout = field.kind === 'multi' ? 'list' : choiceLayout(field);
  const type = field.kind === 'multi' ? 'checkbox' : 'radio';
  const code = escapeHtml(field.code);
  const options = field.options
    .map((o) => {
      const value = escapeHtml(o.value);
      const body =
        layout === 'scale'
          ? `<span class="point">${value}</span><span class="visually-hidden">${escapeHtml(o.label)}</span>`
          : `<span class="option-label">${escapeHtml(o.label)}</span>`;
      return `<label class="option${layout === 'list' ? '' : ' cell'}"><input type="${type}" name="${code}" value="${value}">${body}</label>`;
    })
    .join('');
  return (
    `<fieldset class="question ${field.kind}" data-question="${code}" aria-describedby="${code}-note">${legend(field)}` +
    `<div class="options ${layout}" data-n="${field.options.length}">${options}</div></fieldset>`
  );
}

function textField(field: Field): string {
  const id = `q-${escapeHtml(field.code)}`;
  const hint = field.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(field.hint)}</p>` : '';
  const limit = field.maxLength ? `<p class="hint" id="${id}-limit">${escapeHtml(vi.textLimit(field.maxLength))}</p>` : '';
  return (
    `<div class="question text" data-question="${escapeHtml(field.code)}"><label for="${id}" class="text-label">${escapeHtml(field.text)}</label>${hint}` +
    `<textarea id="${id}" name="${escapeHtml(field.code)}" rows="3"${field.maxLength ? ` maxlength="${field.maxLength}" aria-describedby="${id}-limit"` : ''}></textarea>${limit}</div>`
  );
}

function group(g: ScreenGroup): string {
  const head = scaleHead(g.fields);
  return (
    `<section class="group" data-section="${escapeHtml(g.code)}"${g.heading ? '' : ` aria-label="${escapeHtml(g.title)}"`}>` +
    (g.heading ? `<h2>${escapeHtml(g.title)}</h2>` : '') +
    (g.description ? `<p class="description">${escapeHtml(g.description)}</p>` : '') +
    (head ? `<div class="scale-head" aria-hidden="true" data-n="${head.length}">${head.map((w) => `<span>${escapeHtml(w)}</span>`).join('')}</div>` : '') +
    g.fields.map((f) => (f.kind === 'text' ? textField(f) : choiceField(f))).join('') +
    '</section>'
  );
}

/** What the app shows first for this link, as the markup inside `#app`; undefined when the app draws it. */
export function firstScreenHtml(link: SurveyLinkView): string | undefined {
  if (!drawsFirstScreen(link)) return undefined;
  const questionnaire = localizeQuestionnaire(link.questionnaire, 'vi');
  const screens = visibleScreens(questionnaire, {});
  const screen = screens[0];
  const { step, steps } = progressOf(screens, 0);
  const progress = vi.progress(step, steps);
  return (
    `<a class="skip-link" href="#main">${escapeHtml(vi.skipToContent)}</a>` +
    `<header class="survey-header"><p class="office">${escapeHtml(link.office?.name ?? vi.onlineSurvey)}</p>` +
    `<button type="button" class="language-switch" lang="en" aria-label="${escapeHtml(vi.switchLanguageLabel)}">${escapeHtml(vi.switchLanguage)}</button></header>` +
    '<main id="main">' +
    `<div class="progress"><progress class="progress-track" aria-label="${escapeHtml(vi.progressLabel)}" max="${steps}" value="${step}" aria-valuetext="${escapeHtml(progress)}"></progress>` +
    `<p class="progress-text" aria-hidden="true">${escapeHtml(progress)}</p></div>` +
    `<form class="screen" data-screen="${escapeHtml(screen.code)}" novalidate>` +
    (questionnaire.intro ? `<p class="intro">${escapeHtml(questionnaire.intro)}</p>` : '') +
    `<h1 tabindex="-1">${escapeHtml(screen.title)}</h1>` +
    screen.groups.map(group).join('') +
    `<div class="navigation"><button type="submit" class="button primary">${escapeHtml(screens.length > 1 ? vi.next : vi.toReview)}</button></div>` +
    '</form></main>'
  );
}

import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';
import type { SurveyLinkView } from '../../../../contract/links.ts';
import type { LocalityChoiceView } from '../../../../contract/localities.ts';

/** A district or commune the citizen of an online link may say they live in. */
export type LocalityChoice = LocalityChoiceView;

/** What `GET /api/links/:token?include=questionnaire` answers (contract/links.ts). */
export type SurveyLink = SurveyLinkView;

export type SurveyBoot =
  | { kind: 'ready'; link: SurveyLink & { questionnaire: QuestionnaireDefinition } }
  | { kind: 'closed'; link: SurveyLink }
  | { kind: 'not-found' }
  | { kind: 'no-token' }
  | { kind: 'preview'; link: SurveyLink & { questionnaire: QuestionnaireDefinition } }
  | { kind: 'preview-denied' }
  | { kind: 'offline' };

/** The survey link token in `/s/<token>`, as the poster's QR code or the online address carries it. */
export function tokenFromPath(pathname: string): string | undefined {
  return /^\/s\/([A-Za-z0-9_-]{8,64})\/?$/.exec(pathname)?.[1];
}

/** The questionnaire version in `/s/preview/<version>`: an admin's preview, sending nothing. */
export function previewVersionFromPath(pathname: string): string | undefined {
  return /^\/s\/preview\/([A-Za-z0-9._-]{1,32})\/?$/.exec(pathname)?.[1];
}

export function bootFromLink(link: SurveyLink): SurveyBoot {
  if (!link.open) return { kind: 'closed', link };
  if (!link.questionnaire) return { kind: 'offline' };
  return { kind: 'ready', link: link as SurveyLink & { questionnaire: QuestionnaireDefinition } };
}

import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';

/** What `GET /api/links/:token?include=questionnaire` answers (server/routes/api/links.ts). */
export interface SurveyLink {
  token: string;
  open: boolean;
  round: { code: string; name: string; questionnaireVersion: string; periodEnd: string };
  office: { code: string; name: string; localityCode: string };
  questionnaire?: QuestionnaireDefinition;
}

export type SurveyBoot =
  | { kind: 'ready'; link: SurveyLink & { questionnaire: QuestionnaireDefinition } }
  | { kind: 'closed'; link: SurveyLink }
  | { kind: 'not-found' }
  | { kind: 'no-token' }
  | { kind: 'offline' };

/** The office link token in `/s/<token>`, as the poster's QR code carries it. */
export function tokenFromPath(pathname: string): string | undefined {
  return /^\/s\/([A-Za-z0-9_-]{8,64})\/?$/.exec(pathname)?.[1];
}

export function bootFromLink(link: SurveyLink): SurveyBoot {
  if (!link.open) return { kind: 'closed', link };
  if (!link.questionnaire) return { kind: 'offline' };
  return { kind: 'ready', link: link as SurveyLink & { questionnaire: QuestionnaireDefinition } };
}

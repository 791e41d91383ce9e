import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';

/** A district or commune the citizen of an online link may say they live in. */
export interface LocalityChoice {
  code: string;
  name: string;
  level: 'district' | 'commune';
  parentCode: string;
}

/** What `GET /api/links/:token?include=questionnaire` answers (server/routes/api/links.ts). */
export interface SurveyLink {
  token: string;
  /** An office's QR code (office and locality set) or the round's online link (the citizen says where they live). */
  channel: 'office' | 'online';
  open: boolean;
  state: 'open' | 'not_started' | 'ended' | 'closed';
  round: { code: string; name: string; questionnaireVersion: string; provinceCode: string; periodStart: string; periodEnd: string };
  office: { code: string; name: string; localityCode: string } | null;
  localities?: LocalityChoice[];
  questionnaire?: QuestionnaireDefinition;
}

export type SurveyBoot =
  | { kind: 'ready'; link: SurveyLink & { questionnaire: QuestionnaireDefinition } }
  | { kind: 'closed'; link: SurveyLink }
  | { kind: 'not-found' }
  | { kind: 'no-token' }
  | { kind: 'offline' };

/** The survey link token in `/s/<token>`, as the poster's QR code or the online address carries it. */
export function tokenFromPath(pathname: string): string | undefined {
  return /^\/s\/([A-Za-z0-9_-]{8,64})\/?$/.exec(pathname)?.[1];
}

export function bootFromLink(link: SurveyLink): SurveyBoot {
  if (!link.open) return { kind: 'closed', link };
  if (!link.questionnaire) return { kind: 'offline' };
  return { kind: 'ready', link: link as SurveyLink & { questionnaire: QuestionnaireDefinition } };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findLinkByToken } from '../../../db/queries/links.ts';
import { unitsOfProvince } from '../../../db/queries/localities.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { windowState } from '../../domain/late-delivery.ts';
import { surveyWindow } from '../../domain/response-context.ts';
import { problems } from '../../error-catalogue.ts';
import { ProblemView } from '../../schemas/responses.ts';

export const LinkView = z.object({
  token: z.string(),
  channel: z.enum(['office', 'online']).describe('An office link (QR code: office and locality set) or the round\'s online link (the citizen gives their locality)'),
  open: z.boolean().describe('False when the link or its office was closed, the round is not open, or today is outside its days: the survey says so politely'),
  state: z.enum(['open', 'not_started', 'ended', 'closed']),
  round: z.object({ code: z.string(), name: z.string(), questionnaireVersion: z.string(), provinceCode: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  office: z.object({ code: z.string(), name: z.string(), localityCode: z.string() }).nullable().describe('Null for the online link'),
  localities: z
    .array(z.object({ code: z.string(), name: z.string(), level: z.enum(['district', 'commune']), parentCode: z.string() }))
    .optional()
    .describe('With ?include=questionnaire on an open online link: the districts and communes of the round\'s province the citizen chooses from'),
  questionnaire: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('With ?include=questionnaire on an open link: the round\'s questionnaire version in every language it has'),
});

export const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/links/:token', {
    config: { public: true },
    schema: {
      summary: 'What a survey link (office QR code, or the round\'s online link) opens: round, office, and whether it is open',
      params: z.object({ token: z.string().min(8).max(64) }),
      // The survey page asks for the questionnaire in the same request: one round trip fewer on a slow network.
      querystring: z.object({ include: z.literal('questionnaire').optional(), lang: z.enum(['vi', 'en']).optional() }),
      response: { 200: LinkView, 404: ProblemView },
    },
  }, async (request) => {
    const db = app.database.db;
    const link = await findLinkByToken(db, request.params.token);
    if (!link) {
      throw problems.notFound('surveyLink');
    }
    const state = windowState(surveyWindow(link), new Date());
    const open = state === 'open';
    const include = open && request.query.include === 'questionnaire';
    const questionnaire = include ? await findQuestionnaire(db, link.round.questionnaireVersion) : undefined;
    const { round } = link;
    const localities = include && link.channel === 'online'
      ? (await unitsOfProvince(db, round.provinceCode, round.periodStart, round.periodEnd))
        .map((u) => ({ code: u.code, name: u.name, level: u.level as 'district' | 'commune', parentCode: u.parentCode ?? round.provinceCode }))
      : undefined;
    return {
      token: link.token,
      channel: link.channel,
      open,
      state,
      round: { code: round.code, name: round.name, questionnaireVersion: round.questionnaireVersion, provinceCode: round.provinceCode, periodStart: round.periodStart, periodEnd: round.periodEnd },
      office: link.office ? { code: link.office.code, name: link.office.name, localityCode: link.office.localityCode } : null,
      ...(localities ? { localities } : {}),
      ...(questionnaire ? { questionnaire } : {}),
    };
  });
};

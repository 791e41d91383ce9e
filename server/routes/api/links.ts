import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findLinkByToken } from '../../../db/queries/links.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { problems } from '../../errors.ts';
import { ProblemView } from '../../schemas/responses.ts';

export const LinkView = z.object({
  token: z.string(),
  open: z.boolean().describe('False when the link was disabled or the round is not open: the survey says so politely'),
  round: z.object({ code: z.string(), name: z.string(), questionnaireVersion: z.string(), periodEnd: z.string() }),
  office: z.object({ code: z.string(), name: z.string(), localityCode: z.string() }),
  questionnaire: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('With ?include=questionnaire on an open link: the round\'s questionnaire version in every language it has'),
});

export const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/links/:token', {
    schema: {
      summary: 'What an office survey link (QR code) opens: round, office, and whether it is open',
      params: z.object({ token: z.string().min(8).max(64) }),
      // The survey page asks for the questionnaire in the same request: one round trip fewer on a slow network.
      querystring: z.object({ include: z.literal('questionnaire').optional(), lang: z.enum(['vi', 'en']).optional() }),
      response: { 200: LinkView, 404: ProblemView },
    },
  }, async (request) => {
    const link = await findLinkByToken(app.database.db, request.params.token);
    if (!link) {
      throw problems.notFound({
        vi: 'Đường dẫn khảo sát không đúng hoặc đã được thay thế. Vui lòng quét lại mã QR tại bộ phận một cửa.',
        en: 'This survey link is not valid or has been replaced. Please scan the QR code at the office again.',
      });
    }
    const open = link.active && link.office.active && link.round.status === 'open';
    const questionnaire = open && request.query.include === 'questionnaire'
      ? await findQuestionnaire(app.database.db, link.round.questionnaireVersion)
      : undefined;
    return {
      token: link.token,
      open,
      round: { code: link.round.code, name: link.round.name, questionnaireVersion: link.round.questionnaireVersion, periodEnd: link.round.periodEnd },
      office: { code: link.office.code, name: link.office.name, localityCode: link.office.localityCode },
      ...(questionnaire ? { questionnaire } : {}),
    };
  });
};

/** Office survey links as a survey manager handles them: list with posters, open and close. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officeLinksOfRound, setOfficeLinkActive } from '../../domain/office-links.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { ProblemView } from '../../schemas/responses.ts';

const OfficeLinkView = z.object({
  token: z.string(),
  channel: z.enum(['office', 'online']).describe('An office link (QR poster) or the round\'s online link (portal, Zalo, SMS)'),
  active: z.boolean(),
  open: z.boolean().describe('Whether citizens can answer now: link, office and round open, within the round\'s days'),
  state: z.enum(['open', 'not_started', 'ended', 'closed']),
  office: z.object({ code: z.string(), name: z.string(), localityCode: z.string() }).nullable().describe('Null for the online link'),
  surveyUrl: z.string().describe('The address the QR code carries: SIPAS_PUBLIC_URL, never the request\'s Host'),
  publicUrlConfigured: z.boolean().describe('False when SIPAS_PUBLIC_URL is not set: surveyUrl is this server\'s own address, not a public one'),
  posterPath: z.string().describe('The print-ready A4 poster with the QR code'),
});

export const officeLinkRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/rounds/:code/links', {
    config: { action: 'links.manage' },
    schema: {
      summary: "The round's online link and every active office's survey link (made on first look), with their posters",
      params: z.object({ code: z.string().min(1).max(64) }),
      response: { 200: z.array(OfficeLinkView), 404: ProblemView },
    },
  }, async (request) => officeLinksOfRound(app.database.db, request.params.code, app.publicUrl));

  app.patch('/links/:token', {
    config: { action: 'links.manage' },
    schema: {
      summary: 'Open or close one survey link (office or online); a closed link tells citizens politely that the survey has ended',
      params: z.object({ token: z.string().min(8).max(64) }),
      body: z.object({ active: z.boolean() }),
      response: { 200: OfficeLinkView, 400: ProblemView, 404: ProblemView },
    },
  }, async (request) => {
    const link = await setOfficeLinkActive(app.database.db, requireStaff(request).user.id, request.params.token, request.body.active, app.publicUrl);
    // Responses check links through a short-lived cache: this server applies the change at once.
    app.lookups.forgetMutable();
    return link;
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OwnPasswordBody, PasswordResetView, RedeemResetBody, UserParams } from '../../../contract/accounts.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { changeOwnPassword } from '../../domain/accounts/own-password.ts';
import { issuePasswordReset, redeemPasswordReset } from '../../domain/accounts/password-resets.ts';
import { clientNetwork } from '../../client-network.ts';
import { requireStaff } from '../../plugins/auth.ts';

export const passwordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/users/:id/password-reset',
    {
      config: { action: 'users.manage' },
      schema: {
        summary: 'Issue a one-time code (valid 24 h, shown once) with which the account’s owner sets a new password (audited)',
        params: UserParams,
        response: { 201: PasswordResetView, 400: ProblemView, 404: ProblemView },
      },
    },
    async (request, reply) => reply.status(201).send(await issuePasswordReset(app.database.db, requireStaff(request).user.id, request.params.id)),
  );

  app.post(
    '/password-reset',
    {
      config: { public: true },
      onRequest: app.logInRateLimit,
      schema: {
        summary: 'Set a new password with a one-time code from an administrator; ends every session of the account',
        body: RedeemResetBody,
        response: {
          204: z.null(),
          400: ProblemView.describe(
            'Bad input; or a wrong, used or expired code, another account’s code, or a deactivated account (reset_code_invalid: one reply for all)',
          ),
          429: ProblemView,
        },
      },
    },
    async (request, reply) => {
      await redeemPasswordReset(app.database.db, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/session/password',
    {
      config: { action: 'account.password' },
      schema: {
        summary: 'Change one’s own password, giving the current one; ends one’s other sessions',
        body: OwnPasswordBody,
        response: { 204: z.null(), 400: ProblemView.describe('Bad input, or a wrong current password (wrong_current_password)') },
      },
    },
    async (request, reply) => {
      const network = clientNetwork(request.ip);
      await changeOwnPassword(app.database.db, requireStaff(request), { ...request.body, network }, app.logInThrottle);
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccountChangeBody, NewUserBody, StaffAccountView, StaffUserView, UserParams } from '../../../contract/accounts.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { createStaffAccount, listStaffAccounts, changeStaffAccount, unlockStaffLogIn } from '../../domain/accounts/staff-accounts.ts';
import { requireStaff } from '../../plugins/auth.ts';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { action: 'users.list' },
      schema: { summary: 'Staff accounts (managers see them to assign keyers)', response: { 200: z.array(StaffAccountView) } },
    },
    async () => listStaffAccounts(app.database.db, app.logInThrottle),
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { action: 'users.manage' },
      schema: {
        summary: 'Lift the hold that repeated failed log-ins put on an account, from every address (audited)',
        params: UserParams,
        response: { 200: StaffAccountView, 400: ProblemView, 404: ProblemView },
      },
    },
    async (request) => unlockStaffLogIn(app.database.db, requireStaff(request).user.id, request.params.id, app.logInThrottle),
  );

  app.post(
    '/users',
    {
      config: { action: 'users.manage' },
      schema: {
        summary: 'Create a staff account',
        body: NewUserBody,
        response: { 201: StaffUserView, 400: ProblemView, 409: ProblemView },
      },
    },
    async (request, reply) => {
      const user = await createStaffAccount(app.database.db, requireStaff(request).user.id, request.body);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { action: 'users.manage' },
      schema: {
        summary:
          'Deactivate (or reactivate) a staff account, change its role, or both (audited); a deactivated account is logged out everywhere; the last active administrator stays one',
        params: UserParams,
        body: AccountChangeBody,
        response: { 200: StaffUserView, 400: ProblemView, 404: ProblemView, 409: ProblemView },
      },
    },
    async (request) => changeStaffAccount(app.database.db, requireStaff(request).user, request.params.id, request.body),
  );
};

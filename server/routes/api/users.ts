import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../../db/schema/staff.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { createUser } from '../../domain/auth.ts';
import { listStaffAccounts, setStaffActive, unlockStaffLogIn } from '../../domain/staff-accounts.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { RowIdParam } from '../../schemas/request-fields.ts';
import { ProblemView } from '../../schemas/responses.ts';
import { StaffUserView } from './session.ts';

const StaffAccountView = StaffUserView.extend({
  logInBlockedUntil: z.iso.datetime().nullable().describe('Until when repeated failed log-ins hold back further ones from some address (or from all); null when none'),
});

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', {
    config: { action: 'users.list' },
    schema: { summary: 'Staff accounts (managers see them to assign keyers)', response: { 200: z.array(StaffAccountView) } },
  }, async () => listStaffAccounts(app.database.db, app.logInThrottle));

  app.post('/users/:id/unlock', {
    config: { action: 'users.manage' },
    schema: {
      summary: 'Lift the hold that repeated failed log-ins put on an account, from every address (audited)',
      params: z.object({ id: RowIdParam }),
      response: { 200: StaffAccountView, 400: ProblemView, 404: ProblemView },
    },
  }, async (request) => unlockStaffLogIn(app.database.db, requireStaff(request).user.id, request.params.id, app.logInThrottle));

  app.post('/users', {
    config: { action: 'users.manage' },
    schema: {
      summary: 'Create a staff account',
      body: z.object({ username: z.string().max(80), displayName: z.string().max(120).default(''), role: z.enum(roles), password: z.string().max(200) }),
      response: { 201: StaffUserView, 400: ProblemView, 409: ProblemView },
    },
  }, async (request, reply) => {
    const user = await createUser(app.database.db, request.body);
    await recordAudit(app.database.db, [{ userId: request.staff!.user.id, action: 'create_user', entity: 'user', entityId: String(user.id), newValue: { username: user.username, role: user.role } }]);
    return reply.status(201).send(user);
  });

  app.patch('/users/:id', {
    config: { action: 'users.manage' },
    schema: {
      summary: 'Deactivate (or reactivate) a staff account; a deactivated account is logged out everywhere',
      params: z.object({ id: RowIdParam }),
      body: z.object({ active: z.boolean() }),
      response: { 200: StaffUserView, 400: ProblemView, 404: ProblemView, 409: ProblemView },
    },
  }, async (request) => setStaffActive(app.database.db, requireStaff(request).user, request.params.id, request.body.active));
};

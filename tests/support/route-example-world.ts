/**
 * What the route examples (route-examples.ts) need to exist before every route can be called with
 * one: an account of each role, logged in; forms 1–3 of the demo round issued, returned and batched
 * for two keyers and a keyer who reconciles; a spare keyer; the round's first survey link.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { listLinksOfRound } from '../../db/queries/links.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { roles, type Role } from '../../db/schema/staff.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { createBatch, issueForms, markForms } from '../../server/domain/paper-forms/paper-forms.ts';
import { routeExamples, type RouteExample } from './route-examples.ts';
import { addStaff, logInAs, type Agent } from './staff.ts';

export interface RouteExampleWorld {
  agents: Record<Role, Agent>;
  /** A keyer whom the batch names as its reconciler. */
  reconcilingKeyer: Agent;
  examples: Record<string, RouteExample>;
}

/** Usernames start with `prefix`, so that the world can be made in a database shared with other tests. */
export async function routeExampleWorld(app: FastifyInstance, db: Database, prefix: string): Promise<RouteExampleWorld> {
  for (const role of roles) await addStaff(db, role, `${prefix}.${role}`);
  const second = await addStaff(db, 'keyer', `${prefix}.second`);
  const reconciler = await addStaff(db, 'keyer', `${prefix}.reconciler`);
  const spare = await addStaff(db, 'keyer', `${prefix}.spare`);
  const agents = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await logInAs(app, `${prefix}.${r}`)]))) as Record<Role, Agent>;
  const manager = agents.manager.userId;
  await issueForms(db, manager, { roundCode: DEMO_ROUND_CODE, localityCode: '660', serials: '1-3' });
  await markForms(db, manager, { roundCode: DEMO_ROUND_CODE, serials: '1-3', status: 'returned' });
  const batch = await createBatch(db, manager, {
    roundCode: DEMO_ROUND_CODE,
    code: 'B1',
    serials: '1-3',
    firstKeyerId: agents.keyer.userId,
    secondKeyerId: second.id,
    reconcilerId: reconciler.id,
  });
  const link = (await listLinksOfRound(db, (await findRoundByCode(db, DEMO_ROUND_CODE))!.id))[0].token;
  return {
    agents,
    reconcilingKeyer: await logInAs(app, `${prefix}.reconciler`),
    examples: routeExamples({ link, batchId: batch.id, spareUserId: spare.id, keyerIds: [agents.keyer.userId, second.id] }),
  };
}

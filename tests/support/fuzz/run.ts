/**
 * Runs generated bad requests against the real app (in process) and judges every reply: no 5xx,
 * no stack trace or SQL, no success for a request that could change something, every 4xx a
 * worded problem, and a 400 about a field naming that field.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client.ts';
import { listLinksOfRound } from '../../../db/queries/links.ts';
import { findRoundByCode } from '../../../db/queries/rounds.ts';
import type { Role } from '../../../db/schema/staff.ts';
import type { CataloguedRoute } from '../../../server/plugins/route-catalogue.ts';
import { DEMO_ROUND_CODE } from '../../../db/seed/index.ts';
import { addStaff, logInAs, type Agent } from '../staff.ts';
import { officeSubmission } from '../submissions.ts';
import { declaredFor } from '../request-schemas.ts';
import { hostileFiles } from './files.ts';
import { requestsFor, type Caller, type FuzzRequest, type HostileFile, type ResponseBase } from './requests.ts';

export interface FuzzContext {
  app: FastifyInstance;
  agents: Record<Role, Agent>;
  base: ResponseBase;
  /** Files for the routes that take one (made once: an archive bomb takes a moment to build). */
  files: HostileFile[];
}

export interface FuzzReply {
  status: number;
  body: string;
  contentType?: string;
  retryAfter?: string;
}

export interface FuzzTally {
  requests: number;
  byStatus: Map<number, number>;
  /** Replies by status, per route. */
  byRoute: Map<string, Map<number, number>>;
  byKind: Map<string, number>;
  /** 400s about a targeted field that named it. */
  fieldsNamed: number;
  /** Requests whose query string holds a field the route does not take, or a value it refuses. */
  faultyQueries: number;
  violations: Array<{ request: FuzzRequest; reply: FuzzReply; problems: string[] }>;
}

export function newFuzzTally(): FuzzTally {
  return { requests: 0, byStatus: new Map(), byRoute: new Map(), byKind: new Map(), fieldsNamed: 0, faultyQueries: 0, violations: [] };
}

/** Staff of every role, logged in; the demo office link for valid responses to spoil. */
export async function prepareFuzz(app: FastifyInstance, db: Database): Promise<FuzzContext> {
  const roles: Role[] = ['admin', 'manager', 'keyer', 'analyst'];
  const agents = {} as FuzzContext['agents'];
  for (const role of roles) {
    await addStaff(db, role, `fuzz.${role}`);
    agents[role] = await logInAs(app, `fuzz.${role}`);
  }
  // Some reads keep derived data current on first use (e.g. the answer bits behind results): let
  // them do so now, so that the comparison afterwards sees only what the bad requests did.
  for (const route of app.routeCatalogue.filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.includes('*'))) {
    await agents.admin.request({ method: 'GET', url: route.url });
  }
  const round = (await findRoundByCode(db, DEMO_ROUND_CODE))!;
  const link = (await listLinksOfRound(db, round.id))[0].token;
  const { profile, answers } = officeSubmission();
  return { app, agents, base: { roundCode: DEMO_ROUND_CODE, link, profile, answers }, files: await hostileFiles() };
}

export async function send(context: FuzzContext, request: FuzzRequest): Promise<FuzzReply> {
  const headers = { ...request.headers };
  const cookies: Record<string, string> = {};
  if (request.caller !== 'anonymous') {
    const agent = context.agents[request.caller];
    cookies.sipas_session = agent.cookie;
    if (request.csrf === 'right') headers['x-csrf-token'] = agent.csrfToken;
    if (request.csrf === 'wrong') headers['x-csrf-token'] = 'not-the-token';
  }
  const reply = await context.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers,
    cookies,
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  const header = (name: string) => (reply.headers[name] === undefined ? undefined : String(reply.headers[name]));
  return { status: reply.statusCode, body: reply.body, contentType: header('content-type'), retryAfter: header('retry-after') };
}

const leaks = /\n\s+at\s|\bat\s+\S+\s+\(|[\w/.-]+\.(ts|mjs|cjs):\d+|node_modules|DrizzleQueryError|Failed query|\bselect\b.+\bfrom\b.+\bwhere\b/i;

const names = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || (field.startsWith(`${path}.`) && path.length > 0);

/**
 * A reply in JSON is one its route declares: a status with a response schema (its own or its class,
 * 4xx), a body that schema takes, and nothing the schema dropped on the way (Retry-After's seconds).
 */
function undeclared(route: CataloguedRoute | undefined, request: FuzzRequest, reply: FuzzReply): string[] {
  if (!route || route.schema?.hide || request.method === 'HEAD' || !reply.contentType?.startsWith('application/json')) return [];
  const schema = declaredFor(route, reply.status);
  if (!schema) return [`answered ${reply.status}, which its route does not declare`];
  let body: unknown;
  try {
    body = JSON.parse(reply.body);
  } catch {
    return ['a JSON reply that is not JSON'];
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return [`a ${reply.status} reply its response schema refuses: ${JSON.stringify(parsed.error.issues).slice(0, 200)}`];
  if (reply.retryAfter !== undefined && typeof (body as { retryAfterSeconds?: unknown }).retryAfterSeconds !== 'number')
    return ['Retry-After without retryAfterSeconds in the body'];
  return [];
}

export function judge(request: FuzzRequest, reply: FuzzReply, route?: CataloguedRoute): { problems: string[]; named: boolean } {
  const problems: string[] = [];
  let named = false;
  if (reply.status >= 500) problems.push(`answered ${reply.status}`);
  if (leaks.test(reply.body) && !reply.body.startsWith('<!doctype html>')) problems.push('the reply shows a stack trace or SQL');
  const writes = request.method !== 'GET' && request.method !== 'HEAD';
  if (writes && reply.status < 400) problems.push(`a bad ${request.method} succeeded with ${reply.status}`);
  if (!writes && request.faulty && reply.status < 400) problems.push(`a ${request.method} with a field its route does not take succeeded with ${reply.status}`);
  problems.push(...undeclared(route, request, reply));
  if (reply.status >= 400 && request.method !== 'HEAD') {
    let problem: { message?: unknown; code?: unknown; issues?: Array<{ path: string; message: string }> } | undefined;
    try {
      problem = JSON.parse(reply.body);
    } catch {
      problems.push('a 4xx without a JSON problem');
    }
    if (problem && (typeof problem.message !== 'string' || problem.message.trim() === '')) problems.push('a 4xx without a message');
    if (problem && request.expectField && reply.status === 400 && problem.code === 'validation_failed') {
      const field = request.expectField;
      const issues = problem.issues ?? [];
      // Path, body and query are each checked by their schema before the handler checks the body
      // against stored data; a fault found earlier in another part is named instead, and is also one.
      const part = (path: string) => (path.startsWith('params.') ? 'params' : path.startsWith('querystring.') ? 'querystring' : 'body');
      const earlier = issues.some((i) => part(i.path) !== part(field));
      const leaf = field.split('.').at(-1)!;
      named = issues.some((i) => names(i.path, field) || i.message.includes(`"${leaf}"`)) || earlier;
      if (!named) problems.push(`400 does not name the field ${field}: ${JSON.stringify(issues).slice(0, 300)}`);
    }
  }
  return { problems, named };
}

/** The citizens' endpoint takes anything from anyone, so it gets more bad requests than the others. */
export const SURVEY_POST_WEIGHT = 10;

export const runsFor = (route: CataloguedRoute, runsPerRoute: number) =>
  route.method === 'POST' && route.url === '/api/responses' ? runsPerRoute * SURVEY_POST_WEIGHT : runsPerRoute;

/** Every route the app has, `runsPerRoute` bad requests each; violations are collected, not thrown. */
export async function fuzzEveryRoute(
  context: FuzzContext,
  options: { runsPerRoute: number; seed: number; onRequest?: (tally: FuzzTally) => void },
): Promise<FuzzTally> {
  const tally = newFuzzTally();
  const routes = context.app.routeCatalogue;
  for (const [k, route] of routes.entries()) {
    const requests = fc.sample(requestsFor(route, context.base, context.files), { numRuns: runsFor(route, options.runsPerRoute), seed: options.seed + k });
    for (const generated of requests) {
      // Logging out is not a bad request: it is sent without a session (and must answer 401).
      const request: FuzzRequest = route.method === 'DELETE' && route.url === '/api/session' ? { ...generated, caller: 'anonymous' as Caller } : generated;
      const reply = await send(context, request);
      const { problems, named } = judge(request, reply, route);
      tally.requests++;
      tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1);
      const statuses = tally.byRoute.get(request.route) ?? new Map<number, number>();
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      tally.byRoute.set(request.route, statuses);
      const kind = request.kind.replace(/^raw: (arrays|objects) \d+ deep$/, 'raw: $1 nested deep').replace(/^response\..*/, 'response, one field spoiled');
      tally.byKind.set(kind, (tally.byKind.get(kind) ?? 0) + 1);
      if (named) tally.fieldsNamed++;
      if (request.faulty) tally.faultyQueries++;
      if (problems.length > 0)
        tally.violations.push({
          request: { ...request, payload: typeof request.payload === 'string' ? request.payload.slice(0, 300) : request.payload && '<bytes>' },
          reply: { status: reply.status, body: reply.body.slice(0, 300) },
          problems,
        });
      options.onRequest?.(tally);
    }
  }
  return tally;
}

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Role } from '../../db/schema/staff.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createUser } from '../../server/domain/accounts/auth.ts';

export const PASSWORD = 'mật-khẩu-đủ-dài-2025';

/**
 * Test accounts' passwords, hashed with small scrypt parameters. A hash carries its parameters, so
 * their log-ins are checked at that cost too: the hundreds of accounts the tests make and log in
 * would otherwise cost minutes of CPU. Accounts made through the API or `npx sipas`, and the
 * platform's own parameters (tests/integration/auth.test.ts), are as in production.
 */
export const quickHash = (password: string) => hashPassword(password, { N: 2 ** 10, r: 8, p: 1 });

export interface Agent {
  userId: number;
  csrfToken: string;
  /** The session cookie's value. */
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function addStaff(db: Database, role: Role, username: string) {
  return createUser(db, { username, displayName: username, role, password: PASSWORD }, quickHash);
}

/** Logs in through the API and returns an agent that sends the session cookie and CSRF token. */
export async function logInAs(app: FastifyInstance, username: string, password = PASSWORD): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`log-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sipas_session')!;
  const { csrfToken, user } = res.json();
  return {
    userId: user.id,
    csrfToken,
    cookie: cookie.value,
    request: (options) =>
      app.inject({ ...options, cookies: { sipas_session: cookie.value }, headers: { 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } }),
  };
}

/**
 * The first administrator of a new installation, made in the browser while the server runs. At
 * start, when no active administrator exists, the server draws a random setup token and prints a
 * link holding it (main.ts); whoever has the link names the first administrator. The token lives
 * only in this process's memory, is compared in constant time, works once, and only while there is
 * still no active administrator: a second request with it, or any after an administrator exists
 * (made here, at the command line, or by another server on the same database), is refused.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { lockFact } from '../../../db/queries/installation.ts';
import { countActiveAdmins, type PublicUser } from '../../../db/queries/users.ts';
import { problems } from '../../error-catalogue.ts';
import { createUser } from './auth.ts';

/** Where the browser sets up the first administrator: the token after `#`, which browsers never send to a server, so it stays out of request logs, proxies' logs and Referer headers. */
export const SETUP_PATH = '/staff/setup';

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

export interface FirstAdminInput {
  username: string;
  displayName: string;
  password: string;
}

export class FirstAdminSetup {
  #token: string | null = null;

  /**
   * A new token when no active administrator exists (any earlier one stops working), else none.
   * Called once the server has started; the caller prints the link.
   */
  async open(db: Database): Promise<string | null> {
    this.#token = (await countActiveAdmins(db)) === 0 ? randomBytes(32).toString('base64url') : null;
    return this.#token;
  }

  /** The path with the token while setup is open, for the server's own console and for a browser on the same machine. */
  async link(db: Database): Promise<string | null> {
    if (this.#token !== null && (await countActiveAdmins(db)) > 0) this.#token = null;
    return this.#token === null ? null : `${SETUP_PATH}#${this.#token}`;
  }

  async needed(db: Database): Promise<boolean> {
    return (await this.link(db)) !== null;
  }

  #matches(candidate: string): boolean {
    // Digests of equal length, so that the comparison takes the same time whatever was sent.
    const expected = digest(this.#token ?? randomBytes(32).toString('base64url'));
    return timingSafeEqual(digest(candidate), expected) && this.#token !== null;
  }

  async createFirstAdmin(db: Database, token: string, input: FirstAdminInput): Promise<PublicUser> {
    if ((await countActiveAdmins(db)) > 0) {
      this.#token = null;
      throw problems.alreadySetUp();
    }
    if (!this.#matches(token)) throw problems.setupTokenInvalid();
    const admin = await db.transaction(async (tx) => {
      // One row locked for the whole check-and-create: concurrent setups (or servers) take turns.
      await lockFact(tx, 'first_admin_setup', { purpose: 'serialises the first administrator’s creation' });
      if ((await countActiveAdmins(tx)) > 0) throw problems.alreadySetUp();
      const user = await createUser(tx, { ...input, role: 'admin' });
      await recordAudit(tx, [
        { userId: user.id, action: 'create_first_admin', entity: 'user', entityId: String(user.id), newValue: { username: user.username, role: user.role } },
      ]);
      return user;
    });
    this.#token = null;
    return admin;
  }
}

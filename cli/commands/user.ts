import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { recordAudit } from '../../db/queries/audit.ts';
import { findUserByUsername, listUsers, setFreeTextClearance } from '../../db/queries/users.ts';
import { roles, type Role } from '../../db/schema/staff.ts';
import { normalizeUsername } from '../../server/domain/accounts/account-rules.ts';
import { createUser } from '../../server/domain/accounts/auth.ts';
import { defaultThrottle } from '../../server/domain/accounts/log-in-throttle.ts';
import { unlockStaffLogIn } from '../../server/domain/accounts/staff-accounts.ts';
import { Problem } from '../../server/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

/** The password from SIPAS_PASSWORD, else the first line of standard input (typed, or piped). */
async function readPassword(): Promise<string> {
  if (process.env.SIPAS_PASSWORD) return process.env.SIPAS_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu / password (ít nhất 10 ký tự): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new UsageError('no password given (set SIPAS_PASSWORD or type it)');
}

export const userCommand: Command = {
  help: `Usage: sipas user add USERNAME --role ROLE [--name "Họ và tên"]
       sipas user list
       sipas user unlock USERNAME
       sipas user free-text USERNAME on|off

unlock: lift the hold that repeated failed log-ins put on an account, from every address
(audited). Without it the hold ends by itself: after five failures in a row from one address the
next attempt from there waits 1 minute, then 2, 4 … up to 1 hour.

free-text: whether an analyst's microdata downloads include free-text answers (comments, "other"
fields). Admins and managers always get them; analysts only when cleared this way.

ROLE is one of: ${roles.join(', ')}.
The password is read from SIPAS_PASSWORD, or from the first line of standard input:
  sipas user add admin --role admin --name "Quản trị"          (then type the password)
  echo 'a-long-password' | sipas user add lan --role keyer

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: 'string' }, name: { type: 'string' } },
    });
    const [action, username, setting] = positionals;
    if (action === 'free-text') {
      if (!username || (setting !== 'on' && setting !== 'off')) throw new UsageError('expected: free-text USERNAME on|off');
      const user = await withDatabase(async ({ db }) => {
        const changed = await setFreeTextClearance(db, username.normalize('NFC').trim().toLowerCase(), setting === 'on');
        if (changed)
          await recordAudit(db, [
            { userId: null, action: 'set_free_text_clearance', entity: 'user', entityId: String(changed.id), newValue: setting === 'on' },
          ]);
        return changed;
      });
      if (!user) throw new UsageError(`no account ${username}`);
      console.log(
        `${user.username} (${user.role}): free text in microdata ${setting === 'on' ? 'cleared' : 'not cleared'}${user.role === 'analyst' ? '' : ' (admins and managers always see it)'}`,
      );
      return 0;
    }
    if (action === 'unlock') {
      if (!username) throw new UsageError('expected: unlock USERNAME');
      const unlocked = await withDatabase(async ({ db }) => {
        const user = await findUserByUsername(db, normalizeUsername(username));
        return user ? unlockStaffLogIn(db, null, user.id, defaultThrottle) : undefined;
      });
      if (!unlocked) throw new UsageError(`no account ${username}`);
      console.log(`${unlocked.username} (${unlocked.role}): log-ins no longer held back`);
      return 0;
    }
    if (action === 'list') {
      const users = await withDatabase(({ db }) => listUsers(db));
      for (const u of users) console.log([u.username, u.role, u.active ? 'active' : 'disabled', u.displayName].join('\t'));
      return 0;
    }
    if (action !== 'add' || !username) throw new UsageError('expected: add USERNAME --role ROLE, list, unlock USERNAME or free-text USERNAME on|off');
    if (!values.role || !roles.includes(values.role as Role)) throw new UsageError(`--role must be one of: ${roles.join(', ')}`);
    const password = await readPassword();
    try {
      const user = await withDatabase(({ db }) => createUser(db, { username, displayName: values.name ?? username, role: values.role as Role, password }));
      console.log(`created ${user.role} ${user.username} (id ${user.id})`);
      return 0;
    } catch (error) {
      if (error instanceof Problem) {
        console.error([error.worded.vi, ...error.issues.map((i) => `  ${i.path}: ${i.worded.vi}`)].join('\n'));
        return 1;
      }
      throw error;
    }
  },
};

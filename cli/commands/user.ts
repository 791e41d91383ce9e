import { parseArgs } from 'node:util';
import { recordAudit } from '../../db/queries/audit.ts';
import { findUserByUsername, listUsers, setFreeTextClearance } from '../../db/queries/users.ts';
import { roles, type Role } from '../../db/schema/staff.ts';
import { normalizeUsername } from '../../server/domain/accounts/account-rules.ts';
import { createUser } from '../../server/domain/accounts/auth.ts';
import { defaultThrottle } from '../../server/domain/accounts/log-in-throttle.ts';
import { issuePasswordReset, resetPolicy, setPasswordDirectly } from '../../server/domain/accounts/password-resets.ts';
import { changeStaffAccount, unlockStaffLogIn } from '../../server/domain/accounts/staff-accounts.ts';
import { configuredPublicUrl } from '../../server/public-url.ts';
import { Problem } from '../../server/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';
import { readNewPassword, refusePasswordArguments } from '../secret-input.ts';

export const userCommand: Command = {
  help: `Usage: sipas user add USERNAME --role ROLE [--name "Họ và tên"] [--password-stdin]
       sipas user list
       sipas user password USERNAME [--password-stdin]
       sipas user reset USERNAME
       sipas user role USERNAME ROLE
       sipas user disable USERNAME | enable USERNAME
       sipas user unlock USERNAME
       sipas user free-text USERNAME on|off

add: a new account. password: set an account's password (its sessions end). reset: a one-time
code, valid ${resetPolicy.validHours} hours, with which the account's owner sets a new password in the
browser (the link is printed once). role, disable, enable: as on the Users page; the last active
admin cannot be demoted or disabled. Everything is recorded in the audit log.

unlock: lift the hold that repeated failed log-ins put on an account, from every address
(audited). Without it the hold ends by itself: after five failures in a row from one address the
next attempt from there waits 1 minute, then 2, 4 … up to 1 hour.

free-text: whether an analyst sees personal data (phone and ID numbers, names, addresses) in the
free-text answers (comments, "other" fields) on the free-text screen, in its files and in microdata.
Without it those are masked ([SĐT], [HỌ TÊN] …). Admins and managers always see them.

ROLE is one of: ${roles.join(', ')}.
Passwords are never taken on the command line. At a terminal you are asked twice, with nothing
shown as you type; otherwise the first line of standard input is read (--password-stdin says so
explicitly); SIPAS_PASSWORD, if set, is used instead:
  sipas user add admin --role admin --name "Quản trị"            (then type the password twice)
  printf '%s\\n' "$PASSWORD" | sipas user add lan --role keyer --password-stdin

The first admin can also be made in the browser: \`npm start\` prints a one-time setup link
while no active admin exists.

${DATABASE_HELP}`,
  async run(argv) {
    refusePasswordArguments(argv);
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    });
    const [action, username, setting] = positionals;
    const fromStdin = values['password-stdin'] === true;
    try {
      return await runAction(action, username, setting, { role: values.role, name: values.name, fromStdin });
    } catch (error) {
      if (error instanceof Problem) {
        console.error([error.worded.vi, ...error.issues.map((i) => `  ${i.path}: ${i.worded.vi}`)].join('\n'));
        return 1;
      }
      throw error;
    }
  },
};

interface Options {
  role?: string;
  name?: string;
  fromStdin: boolean;
}

async function accountNamed(username: string | undefined, usage: string) {
  if (!username) throw new UsageError(`expected: ${usage}`);
  const user = await withDatabase(({ db }) => findUserByUsername(db, normalizeUsername(username)));
  if (!user) throw new UsageError(`no account ${username}`);
  return user;
}

async function runAction(action: string | undefined, username: string | undefined, setting: string | undefined, options: Options): Promise<number> {
  switch (action) {
    case 'list': {
      const users = await withDatabase(({ db }) => listUsers(db));
      for (const u of users) console.log([u.username, u.role, u.active ? 'active' : 'disabled', u.displayName].join('\t'));
      return 0;
    }
    case 'add': {
      if (!username) throw new UsageError('expected: add USERNAME --role ROLE');
      if (!options.role || !roles.includes(options.role as Role)) throw new UsageError(`--role must be one of: ${roles.join(', ')}`);
      const password = await readNewPassword(options);
      const user = await withDatabase(({ db }) => createUser(db, { username, displayName: options.name ?? username, role: options.role as Role, password }));
      console.log(`created ${user.role} ${user.username} (id ${user.id})`);
      return 0;
    }
    case 'password': {
      const account = await accountNamed(username, 'password USERNAME');
      const password = await readNewPassword(options);
      await withDatabase(({ db }) => setPasswordDirectly(db, null, account.username, password));
      console.log(`${account.username} (${account.role}): password set; its sessions have ended`);
      return 0;
    }
    case 'reset': {
      const account = await accountNamed(username, 'reset USERNAME');
      const issued = await withDatabase(({ db }) => issuePasswordReset(db, null, account.id));
      console.log(
        [
          `${account.username} (${account.role}): one-time code, valid until ${issued.expiresAt}, shown only now:`,
          `  ${issued.code}`,
          `  ${configuredPublicUrl().base}${issued.path}`,
        ].join('\n'),
      );
      return 0;
    }
    case 'role': {
      if (!setting || !roles.includes(setting as Role)) throw new UsageError(`expected: role USERNAME ROLE, ROLE one of ${roles.join(', ')}`);
      const account = await accountNamed(username, 'role USERNAME ROLE');
      const changed = await withDatabase(({ db }) => changeStaffAccount(db, null, account.id, { role: setting as Role }));
      console.log(`${changed.username}: ${changed.role}`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const account = await accountNamed(username, `${action} USERNAME`);
      const changed = await withDatabase(({ db }) => changeStaffAccount(db, null, account.id, { active: action === 'enable' }));
      console.log(`${changed.username} (${changed.role}): ${changed.active ? 'active' : 'disabled; its sessions have ended'}`);
      return 0;
    }
    case 'unlock': {
      const account = await accountNamed(username, 'unlock USERNAME');
      const unlocked = await withDatabase(({ db }) => unlockStaffLogIn(db, null, account.id, defaultThrottle));
      console.log(`${unlocked.username} (${unlocked.role}): log-ins no longer held back`);
      return 0;
    }
    case 'free-text': {
      if (!username || (setting !== 'on' && setting !== 'off')) throw new UsageError('expected: free-text USERNAME on|off');
      const user = await withDatabase(async ({ db }) => {
        const changed = await setFreeTextClearance(db, normalizeUsername(username), setting === 'on');
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
    default:
      throw new UsageError('expected one of: add, list, password, reset, role, disable, enable, unlock, free-text');
  }
}

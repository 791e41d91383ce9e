/**
 * What every username and every new password must be, wherever it is set: the Users page, the
 * first administrator's setup, a password reset, one's own password change, the command line.
 */
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.ts';
import { problems } from '../../error-catalogue.ts';

export const MAX_PASSWORD_LENGTH = 200;

export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** The username, normalised, or a 400 naming the field. */
export function checkedUsername(username: string, path = 'username'): string {
  const normalized = normalizeUsername(username);
  if (!/^[a-z0-9._-]{3,40}$/.test(normalized)) {
    throw problems.validation([
      {
        path,
        worded: { vi: 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch', en: 'Usernames are 3–40 lowercase letters, digits, dots, dashes' },
      },
    ]);
  }
  return normalized;
}

/** Refuses a new password too short (or too long to hash cheaply), naming the field. */
export function checkNewPassword(password: string, path = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw problems.validation([
      {
        path,
        worded: { vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`, en: `Passwords need at least ${MIN_PASSWORD_LENGTH} characters` },
      },
    ]);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw problems.validation([
      {
        path,
        worded: { vi: `Mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự`, en: `Passwords have at most ${MAX_PASSWORD_LENGTH} characters` },
      },
    ]);
  }
}

/**
 * The server's secret keys the hashes of abuse-detection identifiers (a phone's device id), so that
 * what is stored cannot be matched to a phone by anyone who has the database but not the secret.
 *
 * It comes from the environment (SIPAS_SECRET, at least 32 characters). An installation that sets
 * none gets one generated on first start and kept in SIPAS_SECRET_FILE (default ./.sipas-secret,
 * readable by its owner only, and made so again with a warning if it was not) — enough for one server; servers that share a database must share
 * the secret, so set SIPAS_SECRET on each of them.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { secureAtRest } from '../db/owner-only.ts';

export const MIN_SECRET_LENGTH = 32;

export interface LoadedSecret {
  secret: string;
  /** Where it came from, for the start-up message (never the secret itself). */
  source: string;
}

function readSecretFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function loadSecret(env: NodeJS.ProcessEnv = process.env): LoadedSecret {
  const fromEnv = env.SIPAS_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) throw new Error(`SIPAS_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
    return { secret: fromEnv, source: 'SIPAS_SECRET' };
  }
  const file = env.SIPAS_SECRET_FILE || './.sipas-secret';
  const existing = readSecretFile(file);
  if (existing !== undefined) {
    secureAtRest([{ path: file, what: 'The secret file' }]);
    if (existing.length < MIN_SECRET_LENGTH) throw new Error(`${file} must hold a secret of at least ${MIN_SECRET_LENGTH} characters`);
    return { secret: existing, source: file };
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { secret: readSecretFile(file)!, source: file };
    throw error;
  }
  return { secret, source: `${file} (generated now)` };
}

/** HMAC-SHA-256 of a value under the secret, separated by purpose so one hash never stands for another. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('hex');
}

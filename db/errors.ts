/** PostgreSQL errors, recognised the same way from node-postgres and from PGlite (drizzle wraps both). */
export interface PostgresError {
  code: string;
  constraint?: string;
  detail?: string;
}

export function postgresError(error: unknown): PostgresError | undefined {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PostgresError;
  }
  return undefined;
}

/**
 * The database could not be reached or went away mid-statement (restart, network): nothing is
 * wrong with the request, and sending it again later is the remedy.
 */
export function isConnectionLoss(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (/^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed/i.test(message)
    )
      return true;
  }
  return false;
}

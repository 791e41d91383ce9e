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

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const CHECK_VIOLATION = '23514';

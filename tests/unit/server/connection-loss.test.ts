import { describe, expect, it } from 'vitest';
import { isConnectionLoss } from '../../../db/errors.ts';

describe('telling a lost database connection from a bad request', () => {
  it('recognises restarts, refused and dropped connections, also when wrapped by drizzle', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const wrapped = new Error('Failed query: insert into responses …', { cause: new Error('Connection terminated unexpectedly') });
    for (const error of [refused, adminShutdown, wrapped]) expect(isConnectionLoss(error)).toBe(true);
  });

  it('does not take data errors or constraint violations for one', () => {
    const unique = Object.assign(new Error('duplicate key value'), { code: '23505' });
    const badText = Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
    for (const error of [unique, badText, new Error('something else')]) expect(isConnectionLoss(error)).toBe(false);
  });
});

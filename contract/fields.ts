/** Request fields several routes share. */
import { z } from 'zod';

/**
 * PostgreSQL's `integer`, where ids, serials and counts are stored: a larger number would reach the
 * database and come back as an error, so the request is refused first.
 */
export const INTEGER_MAX = 2_147_483_647;

/** A row's id or a form's serial in a JSON body. */
export const RowId = z.number().int().positive().max(INTEGER_MAX);

/** The same in a path (text, read as a number). */
export const RowIdParam = z.coerce.number().int().positive().max(INTEGER_MAX);

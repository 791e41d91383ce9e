/** Paper forms keyed elsewhere, imported from a CSV or XLSX file, and the template to key them in. */
import { z } from 'zod';

export const ImportTemplateQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export const ImportedView = z.object({ imported: z.number(), unchanged: z.number() });
export type ImportedView = z.output<typeof ImportedView>;

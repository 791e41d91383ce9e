/** One-stop offices: the list a manager keeps (add, edit, deactivate, import from a file). */
import { z } from 'zod';

/** db/schema/rounds.ts stores the same list; tests/unit/architecture/contract-vocabularies.test.ts checks they agree. */
export const officeLevels = ['province', 'commune', 'district'] as const;
export type OfficeLevel = (typeof officeLevels)[number];

export const OFFICE_CODE = /^[0-9A-Za-z._-]{1,32}$/;
export const OFFICE_NAME_MAX = 200;

export const OfficeParams = z.object({ code: z.string().min(1).max(32) });

const officeCode = z.string().regex(OFFICE_CODE, 'letters, digits, dot, dash or underscore (1–32)');
const officeName = z.string().trim().min(1).max(OFFICE_NAME_MAX);
const localityCode = z.string().min(1).max(16);

export const OfficeView = z.object({
  code: z.string(),
  name: z.string(),
  level: z
    .enum(officeLevels)
    .describe('province: Trung tâm Phục vụ hành chính công cấp tỉnh; commune: Bộ phận Một cửa cấp xã; district: cấp huyện (before 2025)'),
  localityCode: z.string(),
  localityName: z.string().nullable(),
  active: z.boolean().describe('An inactive office keeps its responses; its links take no more'),
});
export type OfficeView = z.output<typeof OfficeView>;

export const CreateOfficeBody = z.object({ code: officeCode, name: officeName, localityCode, level: z.enum(officeLevels) });
export type CreateOfficeBody = z.input<typeof CreateOfficeBody>;

export const UpdateOfficeBody = z
  .object({ name: officeName, localityCode, level: z.enum(officeLevels), active: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'name, localityCode, level or active');
export type UpdateOfficeBody = z.input<typeof UpdateOfficeBody>;

export const OfficeTemplateQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

export const OfficesImportedView = z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type OfficesImportedView = z.output<typeof OfficesImportedView>;

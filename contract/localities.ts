/** Administrative units (province, district, commune), as they stood in a period. */
import { z } from 'zod';

export const LocalitiesQuery = z.object({ parent: z.string().min(1).max(16) });

export const LocalityView = z.object({ code: z.string(), name: z.string(), level: z.string(), validFrom: z.string(), validTo: z.string().nullable() });
export type LocalityView = z.output<typeof LocalityView>;

/** A district or commune the citizen of an online link may say they live in. */
export const LocalityChoiceView = z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'district', 'commune']), parentCode: z.string() });
export type LocalityChoiceView = z.output<typeof LocalityChoiceView>;

// Editing units and mappings (managers): one at a time, or a whole file.
export const localityLevels = ['province', 'district', 'commune', 'village'] as const;
export type UnitLevel = (typeof localityLevels)[number];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const LocalityParams = z.object({ code: z.string().min(1).max(16) });

export const UnitView = LocalityView.extend({ level: z.enum(localityLevels), parentCode: z.string().nullable() });
export type UnitView = z.output<typeof UnitView>;

export const CreateLocalityBody = z.object({
  code: z.string().min(1).max(16),
  name: z.string().trim().min(1).max(200),
  level: z.enum(localityLevels),
  parentCode: z.string().min(1).max(16).nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});
export type CreateLocalityBody = z.input<typeof CreateLocalityBody>;

export const UpdateLocalityBody = CreateLocalityBody.omit({ code: true, level: true })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'name, parentCode, validFrom or validTo');
export type UpdateLocalityBody = z.input<typeof UpdateLocalityBody>;

export const MappingsQuery = z.object({ code: z.string().min(1).max(16) });
export const MappingView = z.object({ oldCode: z.string(), newCode: z.string(), effectiveFrom: z.string() });
export type MappingView = z.output<typeof MappingView>;
export const MappingBody = z.object({ oldCode: z.string().min(1).max(16), newCode: z.string().min(1).max(16), effectiveFrom: isoDate });
export type MappingBody = z.input<typeof MappingBody>;
export const MappingParams = z.object({ oldCode: z.string().min(1).max(16), newCode: z.string().min(1).max(16) });

export const UnitsImportedView = z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type UnitsImportedView = z.output<typeof UnitsImportedView>;
export const MappingsImportedView = z.object({ stored: z.number().int() });
export type MappingsImportedView = z.output<typeof MappingsImportedView>;

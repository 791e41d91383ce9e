/** Administrative units (province, district, commune), as they stood in a period. */
import { z } from 'zod';

export const LocalitiesQuery = z.object({ parent: z.string().min(1).max(16) });

export const LocalityView = z.object({ code: z.string(), name: z.string(), level: z.string(), validFrom: z.string(), validTo: z.string().nullable() });
export type LocalityView = z.output<typeof LocalityView>;

/** A district or commune the citizen of an online link may say they live in. */
export const LocalityChoiceView = z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'district', 'commune']), parentCode: z.string() });
export type LocalityChoiceView = z.output<typeof LocalityChoiceView>;

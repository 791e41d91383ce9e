/** Liveness. */
import { z } from 'zod';

export const HealthView = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
export type HealthView = z.output<typeof HealthView>;

/**
 * Request validation with zod. Issues are kept raw and worded only when the reply is written,
 * in the language the caller asked for.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

export class RequestValidationError extends Error {
  validationContext?: string;
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
};

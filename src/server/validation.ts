import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

/** The options Fastify's own validator uses, but for the coercion of types. */
const OPTIONS = { useDefaults: true, removeAdditional: true, allErrors: false } as const;

/** JSON bodies are taken as sent: a version of `true` or `"1"` is refused, not read as 1. */
const forBodies = new Ajv({ ...OPTIONS, coerceTypes: false });
/** Path and query parameters arrive as text, and are read as the numbers their schemas ask for. */
const forParameters = new Ajv({ ...OPTIONS, coerceTypes: 'array' });

/** Compiles a route's schema for the part of the request it checks. */
export const compileValidator: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? forBodies : forParameters).compile(schema as object);

import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

/** The options Fastify's own validator uses, but for the coercion of types. */
const OPTIONS = { useDefaults: true, removeAdditional: true, allErrors: false } as const;

/** JSON bodies are taken as sent: a version of `true` or `"1"` is refused, not read as 1. */
const forBodies = new Ajv({ ...OPTIONS, coerceTypes: false });
/** Path and query parameters arrive as text, and are read as the numbers their schemas ask for. */
const forParameters = new Ajv({ ...OPTIONS, coerceTypes: 'array' });

/** Compiles the schema of a JSON body, checked outside a route (an upload, in its own process). */
export const compileBodyValidator = (schema: object) => forBodies.compile(schema);

/** Compiles a route's schema for the part of the request it checks. */
export const compileValidator: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === 'body' ? compileBodyValidator(schema as object) : forParameters.compile(schema as object);

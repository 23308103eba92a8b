import type { FastifyInstance } from 'fastify';
import { BitextError } from '../errors.js';

/** The deepest nesting of objects and arrays a request body may have: the API's own have 3. */
export const DEEPEST_BODY = 8;
/** The most values a request body may hold: an upload of 20 files has some 60. */
export const MOST_VALUES = 10_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENING = [0x5b, 0x7b];
const CLOSING = [0x5d, 0x7d];
/** A comma or a colon: each starts another value. */
const SEPARATORS = [0x2c, 0x3a];

/** Whether the character at `k` follows an odd number of backslashes. */
function escaped(text: string, k: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(k - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/** The index of the quote that ends the string opened before `start`: found by search, as strings are most of an upload. */
function stringEnd(text: string, start: number): number {
  let k = text.indexOf('"', start);
  while (k !== -1 && escaped(text, k)) k = text.indexOf('"', k + 1);
  return k === -1 ? text.length : k;
}

/**
 * What makes JSON text too costly to parse, told in one pass without parsing it: nesting
 * deeper than `deepest`, or more than `most` values (JSON.parse takes seconds over millions
 * of either, during which the studio answers no one). Undefined when it is neither.
 */
export function tooCostly(text: string, deepest: number, most: number): string | undefined {
  let depth = 0;
  let values = 1;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === QUOTE) k = stringEnd(text, k + 1);
    else if (CLOSING.includes(code)) depth--;
    else if (OPENING.includes(code) && ++depth > deepest)
      return `the request body nests deeper than ${deepest} levels`;
    if ((OPENING.includes(code) || SEPARATORS.includes(code)) && ++values > most)
      return `the request body holds more than ${most} values`;
  }
  return values > most ? `the request body holds more than ${most} values` : undefined;
}

/**
 * JSON bodies as Fastify parses them (a `__proto__` or `constructor` key refused), after a
 * check that parsing them costs little (see tooCostly).
 */
export function parseJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = tooCostly(body as string, DEEPEST_BODY, MOST_VALUES);
    if (problem) done(new BitextError(problem), undefined);
    else parse(request, body as string, done);
  });
}

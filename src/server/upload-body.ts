import { BitextError } from '../errors.js';
import type { UploadedFile } from '../pipeline/uploads.js';
import { DUPLICATE_CHOICES, type DuplicateChoice } from './api-types.js';
import { DEEPEST_BODY, MOST_VALUES, tooCostly } from './json-body.js';
import { compileBodyValidator } from './validation.js';

/** An upload as the studio's POST /api/documents takes it, in JSON. */
export interface UploadBody {
  files: UploadedFile[];
  duplicates?: DuplicateChoice;
}

const UPLOAD_BODY = {
  type: 'object',
  required: ['files'],
  properties: {
    duplicates: { type: 'string', enum: [...DUPLICATE_CHOICES] },
    files: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        required: ['name', 'data'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          // Not blank: the pattern stops at the first such character, where minLength
          // would count every character of the file (170 ms for 60 MB).
          data: { type: 'string', pattern: '\\S' },
        },
      },
    },
  },
} as const;

const validate = compileBodyValidator(UPLOAD_BODY);

/**
 * Reads an upload's request body: the studio passes it unread to the upload process, as
 * parsing tens of megabytes of JSON would hold up every other request.
 */
export function readUploadBody(raw: Uint8Array): UploadBody {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  const problem = tooCostly(text, DEEPEST_BODY, MOST_VALUES);
  if (problem) throw new BitextError(problem);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BitextError('the upload is not valid JSON');
  }
  if (!validate(body)) {
    const [error] = validate.errors ?? [];
    throw new BitextError(
      `the upload is not as the studio takes it: body${error?.instancePath ?? ''} ${error?.message ?? ''}`,
    );
  }
  return body as UploadBody;
}

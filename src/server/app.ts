import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { loadLexicon } from '../align/lexicon.js';
import { BitextError } from '../errors.js';
import { FORMAT_NAMES, type Format, renderDocument, renderDocuments } from '../export/index.js';
import { documentName } from '../export/shared.js';
import { type Lang, PAIR_ROLES } from '../model/document.js';
import { storeFiles } from '../pipeline/store.js';
import { StaleEditError } from '../store/edits.js';
import type { CorpusStore, SearchOptions } from '../store/index.js';
import { realignDocument } from '../store/realign.js';
import { spotTranslations } from '../store/spotting.js';

export interface ServerOptions {
  /** The built web app (web/dist) to serve at /, if any. */
  webRoot?: string;
  /** When set, every API request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest upload accepted, in bytes. */
  uploadLimit?: number;
}

/** Uploads come base64-encoded, a third larger than the files: this lets PDFs of some 45 MB through. */
const DEFAULT_UPLOAD_LIMIT = 64 * 1024 * 1024;

const versioned = {
  type: 'object',
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 1 }, who: { type: 'string', maxLength: 100 } },
} as const;

/** Keeps only the base name of a client-given file name, without anything a path could use. */
function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '');
  return base === '' ? 'upload.txt' : base.slice(0, 100);
}

/** A file sent by the studio: its name and its bytes in base64. */
export interface UploadedFile {
  name: string;
  data: string;
}

/** Uploads go through the pipeline from a private folder, under names that keep only their last part. */
function writeUploads(dir: string, files: readonly UploadedFile[]): string[] {
  const used = new Set<string>();
  return files.map((file, i) => {
    let name = safeName(file.name);
    if (used.has(name)) name = `${i + 1}-${name}`;
    used.add(name);
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(file.data, 'base64'));
    return path;
  });
}

/**
 * Runs the pipeline on uploaded files (any format bitext reads: one bilingual file, or
 * an English and a Chinese file) and stores the documents. When nothing could be stored
 * the first failure is the error; otherwise the failures come back with the ids.
 */
async function importUploads(
  store: CorpusStore,
  files: readonly UploadedFile[],
): Promise<{ ids: number[]; failures: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-upload-'));
  try {
    const { stored, failures } = await storeFiles(store, writeUploads(dir, files));
    const messages = failures.map((failure) => `${basename(failure.file ?? '')}: ${failure.message}`);
    if (stored.length === 0) throw new BitextError(messages[0] ?? 'the upload holds no document');
    return { ids: stored.map((document) => document.id), failures: messages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The studio's JSON API over a corpus store: documents, their pairs, edits with undo and
 * redo, search and export. Bad requests get a 4xx with a message; stale edits a 409.
 */
export function buildServer(store: CorpusStore, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ bodyLimit: options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof StaleEditError) return reply.code(409).send({ error: error.message });
    if (error instanceof BitextError) return reply.code(400).send({ error: error.message });
    const { statusCode, message } = error as { statusCode?: number; message?: string };
    if (statusCode && statusCode < 500)
      return reply.code(statusCode).send({ error: message ?? 'bad request' });
    app.log.error(error);
    return reply.code(500).send({ error: 'internal error' });
  });

  if (options.token) {
    const expected = `Bearer ${options.token}`;
    app.addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith('/api/') && request.headers.authorization !== expected) {
        return reply.code(401).send({ error: 'a token is required: Authorization: Bearer <token>' });
      }
    });
  }

  if (options.webRoot) app.register(fastifyStatic, { root: options.webRoot });

  app.get('/api/documents', async () => store.listDocuments());

  app.post<{ Body: { files: UploadedFile[] } }>(
    '/api/documents',
    {
      schema: {
        body: {
          type: 'object',
          required: ['files'],
          properties: {
            files: {
              type: 'array',
              minItems: 1,
              maxItems: 20,
              items: {
                type: 'object',
                required: ['name', 'data'],
                properties: {
                  name: { type: 'string', minLength: 1, maxLength: 200 },
                  data: { type: 'string', minLength: 1 },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) => reply.code(201).send(await importUploads(store, request.body.files)),
  );

  const idParam = {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'integer', minimum: 1 } },
  } as const;

  app.get<{ Params: { id: number } }>(
    '/api/documents/:id',
    { schema: { params: idParam } },
    async (request) => {
      const { pairs, ...document } = store.getDocument(request.params.id);
      const name = store.documentName(request.params.id);
      return { name, document, rows: store.rows(request.params.id), pairs: pairs.length };
    },
  );

  app.post<{ Params: { id: number }; Body: { version: number; who?: string } }>(
    '/api/pairs/:id/merge',
    { schema: { params: idParam, body: versioned } },
    async (request) =>
      store.editor().mergeWithNext(request.params.id, request.body.version, request.body.who ?? 'studio'),
  );

  app.post<{ Params: { id: number }; Body: { version: number; who?: string; en: number; zh: number } }>(
    '/api/pairs/:id/split',
    {
      schema: {
        params: idParam,
        body: {
          ...versioned,
          required: ['version', 'en', 'zh'],
          properties: {
            ...versioned.properties,
            en: { type: 'integer', minimum: 0 },
            zh: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request) =>
      store
        .editor()
        .split(
          request.params.id,
          request.body.version,
          request.body.en,
          request.body.zh,
          request.body.who ?? 'studio',
        ),
  );

  app.post<{ Params: { id: number }; Body: { version: number; who?: string } }>(
    '/api/pairs/:id/confirm',
    { schema: { params: idParam, body: versioned } },
    async (request) =>
      store.editor().confirm(request.params.id, request.body.version, request.body.who ?? 'studio'),
  );

  for (const step of ['undo', 'redo'] as const) {
    app.post<{ Params: { id: number } }>(
      `/api/documents/:id/${step}`,
      { schema: { params: idParam } },
      async (request) => ({
        done: store.editor()[step](request.params.id),
      }),
    );
  }

  app.post<{ Params: { id: number } }>(
    '/api/documents/:id/realign',
    { schema: { params: idParam } },
    async (request) => realignDocument(store, request.params.id, await loadLexicon(), 'studio'),
  );

  app.get<{ Querystring: { q: string } & SearchOptions }>(
    '/api/search',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 200 },
            stem: { type: 'boolean' },
            offset: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            documentId: { type: 'integer', minimum: 1 },
            role: { type: 'string', enum: [...PAIR_ROLES] },
            status: { type: 'string', enum: ['auto', 'confirmed'] },
          },
        },
      },
    },
    async (request) => {
      const { q, ...options } = request.query;
      return spotTranslations(store.search(q, options), q);
    },
  );

  app.post<{
    Params: { id: number };
    Body: { version: number; who?: string; lang: Lang; direction: 'previous' | 'next' };
  }>(
    '/api/pairs/:id/move',
    {
      schema: {
        params: idParam,
        body: {
          ...versioned,
          required: ['version', 'lang', 'direction'],
          properties: {
            ...versioned.properties,
            lang: { type: 'string', enum: ['en', 'zh'] },
            direction: { type: 'string', enum: ['previous', 'next'] },
          },
        },
      },
    },
    async (request) => {
      const { version, lang, direction, who } = request.body;
      return store.editor().moveSentence(request.params.id, version, lang, direction, who ?? 'studio');
    },
  );

  app.put<{ Params: { id: number; sentence: string }; Body: { text: string; who?: string } }>(
    '/api/documents/:id/sentences/:sentence',
    {
      schema: {
        params: {
          type: 'object',
          required: ['id', 'sentence'],
          properties: { id: { type: 'integer', minimum: 1 }, sentence: { type: 'string', maxLength: 100 } },
        },
        body: {
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string', minLength: 1, maxLength: 100_000 },
            who: { type: 'string', maxLength: 100 },
          },
        },
      },
    },
    async (request) =>
      store
        .editor()
        .editSentence(
          request.params.id,
          request.params.sentence,
          request.body.text,
          request.body.who ?? 'studio',
        ),
  );

  const exportQuery = {
    type: 'object',
    required: ['to'],
    properties: { to: { type: 'string', enum: FORMAT_NAMES.filter((format) => format !== 'moses') } },
  } as const;

  const download = (reply: FastifyReply, name: string, text: string) =>
    reply
      .header('content-disposition', `attachment; filename="${name}"`)
      .type('application/octet-stream')
      .send(text);

  app.get<{ Params: { id: number }; Querystring: { to: Format } }>(
    '/api/documents/:id/export',
    { schema: { params: idParam, querystring: exportQuery } },
    async (request, reply) => {
      const document = store.getDocument(request.params.id);
      const [file] = renderDocument(document, request.query.to);
      return download(reply, `${safeName(documentName(document))}${file?.suffix ?? ''}`, file?.text ?? '');
    },
  );

  app.get<{ Querystring: { to: Format } }>(
    '/api/export',
    { schema: { querystring: exportQuery } },
    async (request, reply) => {
      const documents = store.documentIds().map((id) => store.getDocument(id));
      const [file] = renderDocuments(documents, request.query.to);
      return download(reply, `corpus${file?.suffix ?? ''}`, file?.text ?? '');
    },
  );

  return app;
}

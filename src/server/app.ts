import fastifyStatic from '@fastify/static';
import { create as contentDisposition } from 'content-disposition';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { loadLexicon } from '../align/lexicon.js';
import { BitextError, NotFoundError, TooManyRequestsError } from '../errors.js';
import { FORMAT_NAMES, type Format, renderDocument, renderDocuments } from '../export/index.js';
import { type Lang, PAIR_ROLES } from '../model/document.js';
import { documentName } from '../model/names.js';
import type { CorpusStore, EditOutcome, SearchOptions } from '../store/index.js';
import { realignDocument } from '../store/realign.js';
import { spotTranslations } from '../store/spotting.js';
import {
  documentSummary,
  editResult,
  realignResult,
  reviewPair,
  searchPage,
  stepResult,
} from './api-objects.js';
import type { DocumentSummary, EditResult, ReviewDocumentBody } from './api-types.js';
import { parseJsonBodies } from './json-body.js';
import { guardRequests } from './security.js';
import { guardSessions, PUBLIC_ROUTE } from './session.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits, UploadRunner } from './uploads.js';
import { compileValidator } from './validation.js';

export interface ServerOptions {
  /** The built web app (web/dist) to serve at /, if any. */
  webRoot?: string;
  /**
   * When set, every API request must carry it, as `Authorization: Bearer <token>` or as the
   * session cookie that signing in with it gives.
   */
  token?: string;
  /** The host the studio was started on, besides loopback: the only other Host it answers to. */
  host?: string;
  /** Largest upload accepted, in bytes (its request body). */
  uploadLimit?: number;
  /** Memory and time one upload may take to read and align, and how many are read at once. */
  uploadLimits?: Partial<UploadLimits>;
}

/** Uploads come base64-encoded, a third larger than the files: this lets PDFs of some 45 MB through. */
const DEFAULT_UPLOAD_LIMIT = 64 * 1024 * 1024;
/** Any other request body: a corrected sentence of 100,000 characters, escaped, fits. */
const BODY_LIMIT = 1024 * 1024;

/**
 * A whole number from `minimum` up to the largest a store can bind: a larger one (`limit=1e20`)
 * is a 400, not a database error.
 */
const whole = (minimum: number) => ({ type: 'integer', minimum, maximum: Number.MAX_SAFE_INTEGER }) as const;

/** A row as the client saw it: its id and version. */
const seenRow = {
  type: 'object',
  required: ['id', 'version'],
  properties: { id: whole(1), version: whole(1) },
} as const;

const versioned = {
  type: 'object',
  required: ['version'],
  properties: { version: whole(1), who: { type: 'string', maxLength: 100 } },
} as const;

/** The status an error is answered with: its own when it has one below 500, else 500. */
function statusOf(error: unknown): number {
  if (error instanceof BitextError) return error.status;
  const { statusCode } = error as { statusCode?: number };
  return statusCode && statusCode >= 400 && statusCode < 500 ? statusCode : 500;
}

/** The web app's files, open to anyone: the sign-in screen is one of them. */
function serveWebApp(app: FastifyInstance, root: string): void {
  app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), ...PUBLIC_ROUTE };
    });
    await scope.register(fastifyStatic, { root });
  });
}

/**
 * POST /api/documents: the upload's body is passed unread to the upload process, which
 * parses and checks it (readUploadBody): parsing tens of megabytes of JSON here would hold
 * up every other request.
 */
function takeUploads(
  app: FastifyInstance,
  store: CorpusStore,
  uploads: UploadRunner,
  bodyLimit: number,
): void {
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Body: Buffer }>('/api/documents', { bodyLimit }, async (request, reply) =>
      reply.code(201).send(await uploads.store(store, request.body)),
    );
  });
}

/** A download under the file's own name, in any script (RFC 6266 `filename*`), with an ASCII fallback. */
function download(reply: FastifyReply, name: string, text: string): FastifyReply {
  return reply
    .header('content-disposition', contentDisposition(name))
    .type('application/octet-stream')
    .send(text);
}

/**
 * The studio's JSON API over a corpus store: documents, their pairs, edits with undo and
 * redo, search and export. Errors answer with the status their class carries (404, 409,
 * 413, ...) and a message; only bugs are a 500.
 */
export function buildServer(store: CorpusStore, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ bodyLimit: BODY_LIMIT });
  app.setValidatorCompiler(compileValidator);
  parseJsonBodies(app);
  const uploads = new UploadRunner({ ...DEFAULT_UPLOAD_LIMITS, ...options.uploadLimits });
  app.addHook('onClose', async () => uploads.close());

  app.setErrorHandler((error, _request, reply) => {
    const status = statusOf(error);
    if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
    if (status === 500) {
      app.log.error(error);
      return reply.code(500).send({ error: 'internal error' });
    }
    return reply.code(status).send({ error: (error as Error).message || 'bad request' });
  });

  app.setNotFoundHandler((request) => {
    throw new NotFoundError(`nothing at ${request.method} ${request.url}`);
  });

  guardRequests(app, options.host);
  guardSessions(app, options.token);
  if (options.webRoot) serveWebApp(app, options.webRoot);

  app.get(
    '/api/documents',
    async (): Promise<DocumentSummary[]> => store.listDocuments().map(documentSummary),
  );

  takeUploads(app, store, uploads, options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT);

  const idParam = {
    type: 'object',
    required: ['id'],
    properties: { id: whole(1) },
  } as const;

  app.get<{ Params: { id: number }; Querystring: { limit?: number } }>(
    '/api/documents/:id',
    {
      schema: {
        params: idParam,
        querystring: { type: 'object', properties: { limit: whole(1) } },
      },
    },
    async (request): Promise<ReviewDocumentBody> => {
      const id = request.params.id;
      return {
        name: store.documentName(id),
        total: store.pairCount(id),
        pairs: store.reviewRows(id, request.query.limit).map(reviewPair),
        pages: store.sentencePages(id),
        history: store.editor().history(id),
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/documents/:id/model',
    { schema: { params: idParam } },
    async (request) => {
      const { pairs: _, ...model } = store.getDocument(request.params.id);
      return model;
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/documents/:id',
    { schema: { params: idParam } },
    async (request) => {
      await store.deleteDocument(request.params.id);
      return { deleted: request.params.id };
    },
  );

  app.put<{ Params: { id: number }; Body: { name: string } }>(
    '/api/documents/:id/name',
    {
      schema: {
        params: idParam,
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (request) => {
      store.renameDocument(request.params.id, request.body.name);
      return { id: request.params.id, name: store.documentName(request.params.id) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/documents/:id/warnings',
    { schema: { params: idParam } },
    async (request) => store.documentWarnings(request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/pairs/:id/sentences',
    { schema: { params: idParam } },
    async (request) => store.pairSentences(request.params.id),
  );

  const seen = (id: number, version: number) => ({ id, version });
  const edited = async (outcome: Promise<EditOutcome>): Promise<EditResult> => editResult(await outcome);

  app.put<{ Params: { id: number }; Body: { version: number; who?: string; lang: Lang; text: string } }>(
    '/api/pairs/:id/text',
    {
      schema: {
        params: idParam,
        body: {
          ...versioned,
          required: ['version', 'lang', 'text'],
          properties: {
            ...versioned.properties,
            lang: { type: 'string', enum: ['en', 'zh'] },
            text: { type: 'string', maxLength: 10_000 },
          },
        },
      },
    },
    async (request) =>
      edited(
        store
          .editor()
          .editPairText(
            seen(request.params.id, request.body.version),
            request.body.lang,
            request.body.text,
            request.body.who ?? 'studio',
          ),
      ),
  );

  app.post<{
    Params: { id: number };
    Body: { version: number; who?: string; next: { id: number; version: number } };
  }>(
    '/api/pairs/:id/merge',
    {
      schema: {
        params: idParam,
        body: {
          ...versioned,
          required: ['version', 'next'],
          properties: { ...versioned.properties, next: seenRow },
        },
      },
    },
    async (request) =>
      edited(
        store
          .editor()
          .mergeWithNext(
            seen(request.params.id, request.body.version),
            request.body.next,
            request.body.who ?? 'studio',
          ),
      ),
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
            en: whole(0),
            zh: whole(0),
          },
        },
      },
    },
    async (request) =>
      edited(
        store
          .editor()
          .split(
            seen(request.params.id, request.body.version),
            request.body.en,
            request.body.zh,
            request.body.who ?? 'studio',
          ),
      ),
  );

  for (const action of ['confirm', 'unconfirm'] as const) {
    app.post<{ Params: { id: number }; Body: { version: number; who?: string } }>(
      `/api/pairs/:id/${action}`,
      { schema: { params: idParam, body: versioned } },
      async (request) =>
        edited(
          store.editor()[action](seen(request.params.id, request.body.version), request.body.who ?? 'studio'),
        ),
    );
  }

  for (const step of ['undo', 'redo'] as const) {
    app.post<{ Params: { id: number }; Body: { edit: number } }>(
      `/api/documents/:id/${step}`,
      {
        schema: {
          params: idParam,
          body: { type: 'object', required: ['edit'], properties: { edit: whole(1) } },
        },
      },
      async (request) => {
        store.documentName(request.params.id);
        return stepResult(store.editor()[step](request.params.id, request.body.edit));
      },
    );
  }

  app.post<{ Params: { id: number } }>(
    '/api/documents/:id/realign',
    { schema: { params: idParam } },
    async (request) =>
      realignResult(await realignDocument(store, request.params.id, await loadLexicon(), 'studio')),
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
            offset: whole(0),
            limit: { ...whole(1), maximum: 500 },
            documentId: whole(1),
            role: { type: 'string', enum: [...PAIR_ROLES] },
            status: { type: 'string', enum: ['auto', 'confirmed'] },
          },
        },
      },
    },
    async (request) => {
      const { q, ...options } = request.query;
      return searchPage(await spotTranslations(store.search(q, options), q, store, options));
    },
  );

  app.post<{
    Params: { id: number };
    Body: {
      version: number;
      who?: string;
      lang: Lang;
      direction: 'previous' | 'next';
      neighbour: { id: number; version: number };
    };
  }>(
    '/api/pairs/:id/move',
    {
      schema: {
        params: idParam,
        body: {
          ...versioned,
          required: ['version', 'lang', 'direction', 'neighbour'],
          properties: {
            ...versioned.properties,
            lang: { type: 'string', enum: ['en', 'zh'] },
            direction: { type: 'string', enum: ['previous', 'next'] },
            neighbour: seenRow,
          },
        },
      },
    },
    async (request) => {
      const { version, lang, direction, neighbour, who } = request.body;
      return edited(
        store
          .editor()
          .moveSentence(seen(request.params.id, version), lang, direction, neighbour, who ?? 'studio'),
      );
    },
  );

  app.put<{
    Params: { id: number; sentence: string };
    Body: { text: string; who?: string; pair: { id: number; version: number } };
  }>(
    '/api/documents/:id/sentences/:sentence',
    {
      schema: {
        params: {
          type: 'object',
          required: ['id', 'sentence'],
          properties: { id: whole(1), sentence: { type: 'string', maxLength: 100 } },
        },
        body: {
          type: 'object',
          required: ['text', 'pair'],
          properties: {
            text: { type: 'string', minLength: 1, maxLength: 100_000 },
            who: { type: 'string', maxLength: 100 },
            pair: seenRow,
          },
        },
      },
    },
    async (request) => {
      store.documentName(request.params.id);
      return edited(
        store
          .editor()
          .editSentence(
            request.params.id,
            request.params.sentence,
            request.body.text,
            request.body.pair,
            request.body.who ?? 'studio',
          ),
      );
    },
  );

  const exportQuery = {
    type: 'object',
    required: ['to'],
    properties: { to: { type: 'string', enum: FORMAT_NAMES.filter((format) => format !== 'moses') } },
  } as const;

  app.get<{ Params: { id: number }; Querystring: { to: Format } }>(
    '/api/documents/:id/export',
    { schema: { params: idParam, querystring: exportQuery } },
    async (request, reply) => {
      const document = store.getDocument(request.params.id);
      const [file] = renderDocument(document, request.query.to);
      return download(reply, `${documentName(document)}${file?.suffix ?? ''}`, file?.text ?? '');
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

/** The studio API, as the web app uses it. Every failure becomes an ApiError with the server's message. */

import type {
  DocumentSummary,
  DocumentWarning,
  DuplicateChoice,
  EditHistory,
  EditResult,
  RealignResult,
  ReviewDocumentBody,
  ReviewPair,
  SearchHit,
  SearchPage,
  StepResult,
  UploadDuplicate,
  UploadOutcome,
} from '../../src/server/api-types';

export type {
  DocumentSummary,
  DocumentWarning,
  DuplicateChoice,
  EditHistory,
  EditResult,
  ReviewPair,
  SearchHit,
  SearchPage,
  UploadDuplicate,
};

/** What a search asks for besides its query; empty fields are left out. */
export interface SearchRequest {
  role?: string;
  status?: string;
  documentId?: string;
  stem?: boolean;
  offset?: number;
  limit?: number;
}

/** An answer the server refused, with its status: 401 asks for the sign-in, 404 is "not found". */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Told when the server asks for the token: the app shows its sign-in screen. */
export const SIGN_IN_NEEDED = 'bitext:sign-in-needed';

/** The error a refused answer stands for, with the server's message when it sent one. */
async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  const message = body.error ?? `${response.status} ${response.statusText}`;
  if (response.status === 401) window.dispatchEvent(new Event(SIGN_IN_NEEDED));
  return new ApiError(response.status === 404 ? `Not found: ${message}` : message, response.status);
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

function send<T>(method: 'POST' | 'PUT' | 'DELETE', url: string, payload: unknown = {}): Promise<T> {
  return request<T>(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
}

function post<T>(url: string, payload: unknown = {}): Promise<T> {
  return send<T>('POST', url, payload);
}

/** The file name a download's Content-Disposition gives, in any script (RFC 6266 `filename*`). */
function downloadName(header: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (extended) return decodeURIComponent(extended);
  return /filename="?([^";]+)"?/i.exec(header ?? '')?.[1] ?? fallback;
}

const seen = (pair: ReviewPair) => ({ id: pair.id, version: pair.version });

/** A document as the review opens it: its pairs, the PDF page of each sentence, the undo/redo history. */
export interface ReviewDocument {
  name: string;
  rows: ReviewPair[];
  /** False while only the first rows are loaded. */
  complete: boolean;
  pages: ReadonlyMap<string, number>;
  history: EditHistory;
}

/** A file's bytes in base64, as the upload endpoint takes them. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} cannot be read`));
    reader.readAsDataURL(file);
  });
}

export const api = {
  session: () => request<{ tokenRequired: boolean; signedIn: boolean }>('/api/session'),
  signIn: (token: string) => post<{ signedIn: boolean }>('/api/session', { token }),
  signOut: () => send<{ signedIn: boolean }>('DELETE', '/api/session'),
  /** Fetches an export and saves it under its own name; a refusal is an error, not a page of JSON. */
  download: async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw await failure(response);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = downloadName(response.headers.get('content-disposition'), 'export');
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  },
  documents: () => request<DocumentSummary[]>('/api/documents'),
  /** Reads, aligns and stores files; a document the library holds already is stored as `duplicates` says. */
  upload: async (files: File[], duplicates: DuplicateChoice) =>
    post<UploadOutcome>('/api/documents', {
      files: await Promise.all(files.map(async (file) => ({ name: file.name, data: await base64Of(file) }))),
      duplicates,
    }),
  rename: (id: number, name: string) =>
    send<{ id: number; name: string }>('PUT', `/api/documents/${id}/name`, { name }),
  deleteDocument: (id: number) => send<{ deleted: number }>('DELETE', `/api/documents/${id}`),
  /** A document's pairs: the first `limit`, or all. */
  document: (id: number, limit?: number) =>
    request<ReviewDocumentBody>(`/api/documents/${id}${limit ? `?limit=${limit}` : ''}`).then(
      (body): ReviewDocument => ({
        name: body.name,
        complete: body.pairs.length === body.total,
        rows: body.pairs,
        pages: new Map(Object.entries(body.pages)),
        history: body.history,
      }),
    ),
  /** What the reader noticed about the document, each warning with the sentence nearest it. */
  warnings: (id: number) => request<DocumentWarning[]>(`/api/documents/${id}/warnings`),
  /** The texts of a pair's sentences, English first. */
  sentences: (row: ReviewPair) =>
    request<{ sentences: { id: string; text: string }[] }>(`/api/pairs/${row.id}/sentences`).then(
      (body) => new Map(body.sentences.map((sentence) => [sentence.id, sentence.text])),
    ),
  merge: (row: ReviewPair, next: ReviewPair) =>
    post<EditResult>(`/api/pairs/${row.id}/merge`, { version: row.version, next: seen(next) }),
  split: (row: ReviewPair, en: number, zh: number) =>
    post<EditResult>(`/api/pairs/${row.id}/split`, { version: row.version, en, zh }),
  move: (row: ReviewPair, lang: 'en' | 'zh', direction: 'previous' | 'next', neighbour: ReviewPair) =>
    post<EditResult>(`/api/pairs/${row.id}/move`, {
      version: row.version,
      lang,
      direction,
      neighbour: seen(neighbour),
    }),
  confirm: (row: ReviewPair) => post<EditResult>(`/api/pairs/${row.id}/confirm`, { version: row.version }),
  unconfirm: (row: ReviewPair) =>
    post<EditResult>(`/api/pairs/${row.id}/unconfirm`, { version: row.version }),
  /** Aligns the document again around its confirmed pairs; the edit's outcome, or none when nothing changed. */
  realign: (documentId: number) => post<RealignResult>(`/api/documents/${documentId}/realign`),
  /** Corrects one side of a pair read without sentences (a title, a byline). */
  editPairText: (row: ReviewPair, lang: 'en' | 'zh', text: string) =>
    send<EditResult>('PUT', `/api/pairs/${row.id}/text`, { version: row.version, lang, text }),
  editSentence: (documentId: number, sentence: string, text: string, holder: ReviewPair) =>
    send<EditResult>('PUT', `/api/documents/${documentId}/sentences/${encodeURIComponent(sentence)}`, {
      text,
      pair: seen(holder),
    }),
  /** Undoes or redoes `edit`, the one the view knows comes next. */
  step: (documentId: number, direction: 'undo' | 'redo', edit: number) =>
    post<StepResult>(`/api/documents/${documentId}/${direction}`, { edit }),
  search: (query: string, filter: SearchRequest) => {
    const parameters = new URLSearchParams({ q: query });
    for (const [name, value] of Object.entries(filter)) if (value) parameters.set(name, String(value));
    return request<SearchPage>(`/api/search?${parameters}`);
  },
  exportUrl: (id: number, format: string) => `/api/documents/${id}/export?to=${format}`,
  corpusExportUrl: (format: string) => `/api/export?to=${format}`,
};

/** The studio API, as the web app uses it. Every failure becomes an Error with the server's message. */

import type { StoredDocument as DocumentSummary, StoredRow as PairRow } from '../../src/store/rows';
import type { SpottedHit as SearchHit, SpottedPage as SearchPage } from '../../src/store/search-types';

export type { DocumentSummary, PairRow, SearchHit, SearchPage };

/** What a search asks for besides its query; empty fields are left out. */
export interface SearchRequest {
  role?: string;
  status?: string;
  documentId?: string;
  stem?: boolean;
  offset?: number;
  limit?: number;
}

interface DocumentParagraph {
  sentences: { id: string; text: string }[];
  sources: { page?: number }[];
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

function post<T>(url: string, payload: unknown = {}): Promise<T> {
  return request<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
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
  documents: () => request<DocumentSummary[]>('/api/documents'),
  upload: async (files: File[]) =>
    post<{ ids: number[]; failures: string[] }>('/api/documents', {
      files: await Promise.all(files.map(async (file) => ({ name: file.name, data: await base64Of(file) }))),
    }),
  merge: (row: PairRow) => post(`/api/pairs/${row.id}/merge`, { version: row.version }),
  split: (row: PairRow, en: number, zh: number) =>
    post(`/api/pairs/${row.id}/split`, { version: row.version, en, zh }),
  move: (row: PairRow, lang: 'en' | 'zh', direction: 'previous' | 'next') =>
    post(`/api/pairs/${row.id}/move`, { version: row.version, lang, direction }),
  /** A document's name and pair rows, and each sentence's text and (for a PDF) page, by sentence id. */
  document: (id: number) =>
    request<{
      name: string;
      rows: PairRow[];
      document: { articles: { paragraphs: Record<'en' | 'zh', DocumentParagraph[]> }[] };
    }>(`/api/documents/${id}`).then((body) => {
      const paragraphs = body.document.articles.flatMap((article) => [
        ...article.paragraphs.en,
        ...article.paragraphs.zh,
      ]);
      const sentences = paragraphs.flatMap((paragraph) =>
        paragraph.sentences.map((sentence) => ({ ...sentence, page: paragraph.sources[0]?.page })),
      );
      return {
        name: body.name,
        rows: body.rows,
        texts: new Map(sentences.map((sentence) => [sentence.id, sentence.text])),
        pages: new Map(
          sentences.flatMap((sentence) => (sentence.page ? [[sentence.id, sentence.page]] : [])),
        ),
      };
    }),
  editSentence: (id: number, sentence: string, text: string) =>
    request(`/api/documents/${id}/sentences/${encodeURIComponent(sentence)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    }),
  confirm: (row: PairRow) => post(`/api/pairs/${row.id}/confirm`, { version: row.version }),
  undo: (id: number) => post<{ done: boolean }>(`/api/documents/${id}/undo`),
  redo: (id: number) => post<{ done: boolean }>(`/api/documents/${id}/redo`),
  search: (query: string, filter: SearchRequest) => {
    const parameters = new URLSearchParams({ q: query });
    for (const [name, value] of Object.entries(filter)) if (value) parameters.set(name, String(value));
    return request<SearchPage>(`/api/search?${parameters}`);
  },
  exportUrl: (id: number, format: string) => `/api/documents/${id}/export?to=${format}`,
  corpusExportUrl: (format: string) => `/api/export?to=${format}`,
};

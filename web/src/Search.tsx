import { type ReactNode, useEffect, useState } from 'react';
import {
  api,
  type DocumentSummary,
  SEARCH_PAGE_SIZE,
  type SearchHit,
  type SearchPage,
  type Span,
} from './api';

/** The text with every match marked, and every spotted translation marked as such. */
function Marked({ text, matches, spotted }: { text: string; matches: Span[]; spotted: Span[] }) {
  const marks = [
    ...matches.map(([start, end]) => ({ start, end, className: 'match' })),
    ...spotted.map(([start, end]) => ({ start, end, className: 'spotted' })),
  ].sort((a, b) => a.start - b.start);
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    pieces.push(text.slice(at, mark.start));
    pieces.push(
      <mark key={mark.start} className={mark.className}>
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  pieces.push(text.slice(at));
  return <>{pieces}</>;
}

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <tr>
      <td lang="en">
        <Marked text={hit.pair.en} matches={hit.matches.en} spotted={hit.spotted.en} />
      </td>
      <td lang="zh">
        <Marked text={hit.pair.zh} matches={hit.matches.zh} spotted={hit.spotted.zh} />
      </td>
      <td>
        <a href={`#/documents/${hit.documentId}/${hit.pair.id}`}>{hit.documentName}</a>
      </td>
    </tr>
  );
}

/** Words, "phrases" or Chinese text in both languages, each hit with its counterpart and how the query was translated. */
export function Search() {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<SearchPage | null>(null);
  const [error, setError] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [stem, setStem] = useState(false);
  const [documentId, setDocumentId] = useState('');
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  useEffect(() => {
    api.documents().then(setDocuments, () => setDocuments([]));
  }, []);
  const show = async (offset: number) => {
    try {
      setPage(await api.search(query, { role, status, documentId, stem, offset }));
      setError('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const offset = page?.offset ?? 0;
  return (
    <section>
      <h1>Search</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          show(0);
        }}
      >
        <input
          aria-label="Search both languages"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <select
          aria-label="Document"
          value={documentId}
          onChange={(event) => setDocumentId(event.target.value)}
        >
          <option value="">all documents</option>
          {documents.map((document) => (
            <option key={document.id} value={document.id}>
              {document.name}
            </option>
          ))}
        </select>
        <select aria-label="Role" value={role} onChange={(event) => setRole(event.target.value)}>
          <option value="">any role</option>
          {['toc', 'title', 'subtitle', 'byline', 'date', 'body', 'source'].map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">any status</option>
          <option value="auto">not reviewed</option>
          <option value="confirmed">confirmed</option>
        </select>
        <label>
          <input type="checkbox" checked={stem} onChange={(event) => setStem(event.target.checked)} /> any
          form of a word (right → rights)
        </label>
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {page && (
        <p>
          {page.total === 0
            ? 'No pairs'
            : `Pairs ${offset + 1}–${offset + page.hits.length} of ${page.total}`}{' '}
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => show(Math.max(0, offset - SEARCH_PAGE_SIZE))}
          >
            Previous
          </button>{' '}
          <button
            type="button"
            disabled={offset + page.hits.length >= page.total}
            onClick={() => show(offset + SEARCH_PAGE_SIZE)}
          >
            Next
          </button>
        </p>
      )}
      <table className="hits">
        <tbody>
          {page?.hits.map((hit) => (
            <HitRow key={hit.rowId} hit={hit} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { api, type DocumentSummary, type SearchHit, type SearchPage } from './api';

type Span = [number, number];
const PAGE_SIZE = 50;

/** A text with its query matches in <mark> and the spotted translations of the query in <mark class="spotted">. */
function Highlighted({ text, matches, spotted }: { text: string; matches: Span[]; spotted: Span[] }) {
  const spans = [
    ...matches.map(([start, end]) => ({ start, end, spotted: false })),
    ...spotted.map(([start, end]) => ({ start, end, spotted: true })),
  ].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    parts.push(text.slice(at, span.start));
    const words = text.slice(span.start, span.end);
    parts.push(
      span.spotted ? (
        <mark key={span.start} className="spotted" title="a translation of the query">
          {words}
        </mark>
      ) : (
        <mark key={span.start} className="match">
          {words}
        </mark>
      ),
    );
    at = span.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <tr>
      <td className="document">{hit.documentName}</td>
      {(['en', 'zh'] as const).map((lang) => (
        <td key={lang} lang={lang}>
          <Highlighted text={hit.pair[lang]} matches={hit.matches[lang]} spotted={hit.spotted[lang]} />
        </td>
      ))}
      <td>
        <a href={`#/documents/${hit.documentId}/${hit.pair.key}`}>in context</a>
      </td>
    </tr>
  );
}

function Paging({ page, go }: { page: SearchPage; go: (offset: number) => void }) {
  if (page.total === 0) return <p role="status">No pairs match.</p>;
  const last = page.offset + page.hits.length;
  return (
    <nav className="paging" aria-label="Result pages">
      <button type="button" disabled={page.offset === 0} onClick={() => go(page.offset - PAGE_SIZE)}>
        Previous
      </button>
      <span role="status">
        Pairs {page.offset + 1}–{last} of {page.more ? 'more than ' : ''}
        {page.total.toLocaleString('en')}
      </span>
      <button
        type="button"
        disabled={last >= page.total && !page.more}
        onClick={() => go(page.offset + PAGE_SIZE)}
      >
        Next
      </button>
    </nav>
  );
}

/**
 * A bilingual concordance: English words (whole, any case, or by stem), "quoted phrases" and
 * Chinese text, every term required; each hit shows its document, every match, and the words
 * on the other side that translate the query.
 */
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
  const go = async (offset: number) => {
    try {
      setPage(await api.search(query, { role, status, documentId, stem, offset, limit: PAGE_SIZE }));
      setError('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const run = (event: React.FormEvent) => {
    event.preventDefault();
    go(0);
  };
  return (
    <section>
      <h1>Search</h1>
      <form onSubmit={run}>
        <input
          aria-label="Search both languages"
          placeholder='words, "a phrase" or 中文'
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <label>
          <input type="checkbox" checked={stem} onChange={(event) => setStem(event.target.checked)} /> word
          forms (right → rights)
        </label>
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
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {page && <Paging page={page} go={go} />}
      <table className="hits">
        <tbody>
          {page?.hits.map((hit) => (
            <HitRow key={`${hit.pair.id}`} hit={hit} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

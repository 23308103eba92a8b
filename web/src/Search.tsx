import { useEffect, useState } from 'react';
import { api, type DocumentSummary, type SearchHit } from './api';

function Highlighted({ text, query }: { text: string; query: string }) {
  const at = query ? text.toLowerCase().indexOf(query.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}

/** A word or phrase in English or Chinese, with each hit's counterpart. */
export function Search() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  useEffect(() => {
    api.documents().then(setDocuments, () => setDocuments([]));
  }, []);
  const run = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      setHits(await api.search(query, { role, status, documentId }));
      setError('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section>
      <h1>Search</h1>
      <form onSubmit={run}>
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
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {hits && <p>{hits.length} pairs</p>}
      <table className="hits">
        <tbody>
          {hits?.map((hit) => (
            <tr key={`${hit.documentId}-${hit.pair.id}`}>
              <td lang="en">
                <Highlighted text={hit.pair.en} query={query} />
              </td>
              <td lang="zh">
                <Highlighted text={hit.pair.zh} query={query} />
              </td>
              <td>
                <a href={`#/documents/${hit.documentId}/${hit.pair.id}`}>in context</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

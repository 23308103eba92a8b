import { useCallback, useEffect, useState } from 'react';
import { api, type DocumentSummary } from './api';
import { ExportLink } from './ExportLink';

/** Documents with counts and review progress; upload a new one. */
export function Library() {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => {
    api.documents().then(setDocuments, (error: Error) => setStatus(error.message));
  }, []);
  useEffect(refresh, [refresh]);

  const upload = async (files: File[]) => {
    const names = files.map((file) => file.name).join(' and ');
    setStatus(`Reading and aligning ${names}…`);
    setBusy(true);
    try {
      const { ids, existing, failures } = await api.upload(files);
      const failed = failures.length > 0 ? ` Not read: ${failures.join('; ')}.` : '';
      const known = existing.length > 0 ? ` Already in the library: document ${existing.join(', ')}.` : '';
      setStatus(`Imported ${names} as document ${ids.join(', ')}.${known}${failed}`);
      refresh();
    } catch (error) {
      setStatus(`${names}: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>Library</h1>
      <label className="upload">
        Upload a document (text, web page, PDF or Word; or its English and Chinese files together){' '}
        <input
          type="file"
          multiple
          onChange={(event) => event.target.files?.length && upload([...event.target.files])}
        />
      </label>
      <p role="status">{status}</p>
      {busy && <progress aria-label="Aligning the upload" />}
      <p className="corpus-export">
        Export the whole corpus:{' '}
        {['tmx', 'xliff', 'jsonl', 'tsv', 'html'].map((format) => (
          <ExportLink key={format} href={api.corpusExportUrl(format)} onError={setStatus}>
            {format.toUpperCase()}
          </ExportLink>
        ))}
      </p>
      <table className="library">
        <thead>
          <tr>
            <th>Document</th>
            <th>Pairs</th>
            <th>Doubtful</th>
            <th>Warnings</th>
            <th>Reviewed</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <td>
                <a href={`#/documents/${document.id}`}>{document.name}</a>
              </td>
              <td>{document.pairs}</td>
              <td>{document.doubtful}</td>
              <td>{document.warnings}</td>
              <td>
                <progress max={document.pairs} value={document.confirmed} /> {document.confirmed}/
                {document.pairs}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

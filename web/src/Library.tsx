import { useCallback, useEffect, useState } from 'react';
import { api, type DocumentSummary, type DuplicateChoice, type UploadDuplicate } from './api';
import { DocumentRow } from './DocumentRow';
import { ExportLink } from './ExportLink';

/** Files whose documents the library holds already, waiting for the reviewer's choice. */
interface PendingUpload {
  files: File[];
  duplicates: UploadDuplicate[];
}

const describeDuplicates = (duplicates: readonly UploadDuplicate[]) =>
  duplicates
    .map(
      (duplicate) =>
        `“${duplicate.name}” is in the library already (as ${duplicate.existing
          .map((existing) => `“${existing.name}”, document ${existing.id}`)
          .join('; ')})`,
    )
    .join('. ');

/** Documents with counts and review progress; upload a new one. */
export function Library() {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => {
    api.documents().then(setDocuments, (error: Error) => setStatus(error.message));
  }, []);
  useEffect(refresh, [refresh]);

  const [pending, setPending] = useState<PendingUpload | undefined>();

  const upload = async (files: File[], duplicates: DuplicateChoice = 'ask') => {
    const names = files.map((file) => file.name).join(' and ');
    setStatus(`Reading and aligning ${names}…`);
    setPending(undefined);
    setBusy(true);
    try {
      const outcome = await api.upload(files, duplicates);
      const failed = outcome.failures.length > 0 ? ` Not read: ${outcome.failures.join('; ')}.` : '';
      const stored = outcome.ids.length > 0 ? `Imported ${names} as document ${outcome.ids.join(', ')}.` : '';
      setStatus(`${stored}${failed}`.trim());
      if (outcome.duplicates.length > 0) setPending({ files, duplicates: outcome.duplicates });
      refresh();
    } catch (error) {
      setStatus(`${names}: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const changed = (message: string) => {
    setStatus(message);
    refresh();
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
      {pending && (
        <div
          className="duplicate-prompt"
          role="alertdialog"
          aria-label="The document is in the library already"
        >
          <p>{describeDuplicates(pending.duplicates)}.</p>
          <button type="button" onClick={() => upload(pending.files, 'replace')}>
            Replace it
          </button>
          <button type="button" onClick={() => upload(pending.files, 'keep')}>
            Keep both
          </button>
          <button type="button" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      )}
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
            <th />
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <DocumentRow key={document.id} document={document} onChanged={changed} onError={setStatus} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useState } from 'react';
import { api, type DocumentSummary } from './api';

type Mode = 'view' | 'renaming' | 'deleting';

/** A document in the library, with its counts, progress, and rename and delete (each asked first). */
export function DocumentRow({
  document,
  onChanged,
  onError,
}: {
  document: DocumentSummary;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}) {
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(document.name);

  const rename = () =>
    api.rename(document.id, name).then(
      (renamed) => {
        setMode('view');
        onChanged(`Renamed “${document.name}” to “${renamed.name}”.`);
      },
      (error: Error) => onError(error.message),
    );
  const remove = () =>
    api.deleteDocument(document.id).then(
      () => onChanged(`Deleted “${document.name}”.`),
      (error: Error) => onError(error.message),
    );

  return (
    <tr>
      <td>
        {mode === 'renaming' ? (
          <input
            aria-label={`New name for ${document.name}`}
            value={name}
            // biome-ignore lint/a11y/noAutofocus: the field opens on the reviewer's request, to type in at once
            autoFocus
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') rename();
              if (event.key === 'Escape') setMode('view');
            }}
          />
        ) : (
          <a href={`#/documents/${document.id}`}>{document.name}</a>
        )}
      </td>
      <td>{document.pairs}</td>
      <td>{document.doubtful}</td>
      <td>{document.warnings}</td>
      <td>
        <progress max={document.pairs} value={document.confirmed} /> {document.confirmed}/{document.pairs}
      </td>
      <td className="document-actions">
        {mode === 'view' && (
          <>
            <button type="button" onClick={() => setMode('renaming')}>
              Rename
            </button>
            <button type="button" onClick={() => setMode('deleting')}>
              Delete
            </button>
          </>
        )}
        {mode === 'renaming' && (
          <>
            <button type="button" onClick={rename}>
              Save
            </button>
            <button type="button" onClick={() => setMode('view')}>
              Cancel
            </button>
          </>
        )}
        {mode === 'deleting' && (
          <>
            <span role="alert">Delete “{document.name}” and its review for good?</span>{' '}
            <button type="button" onClick={remove}>
              Yes, delete
            </button>
            <button type="button" onClick={() => setMode('view')}>
              Keep it
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

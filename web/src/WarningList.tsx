import { useEffect, useState } from 'react';
import { api, type DocumentWarning } from './api';

/** Where a warning's text lay in the input: `page 3, line 12 of report.pdf`. */
function placeLabel(warning: DocumentWarning): string {
  const at = warning.at;
  if (!at) return '';
  const file = at.file.split(/[\\/]/).at(-1);
  return [at.page === undefined ? '' : `page ${at.page}, `, `line ${at.firstLine} of ${file}`].join('');
}

/**
 * What the reader noticed about the document (text it kept aside, truncated articles,
 * one-sided text), each with a button that shows the pair nearest it.
 */
export function WarningList({
  documentId,
  onShow,
}: {
  documentId: number;
  onShow: (sentence: string) => void;
}) {
  const [warnings, setWarnings] = useState<DocumentWarning[]>([]);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    api.warnings(documentId).then(setWarnings, (error: Error) => setFailure(error.message));
  }, [documentId]);

  if (failure) return <p className="warnings">Warnings could not be loaded: {failure}</p>;
  if (warnings.length === 0) return null;
  return (
    <details className="warnings">
      <summary>
        {warnings.length} warning{warnings.length === 1 ? '' : 's'}
      </summary>
      <ol>
        {warnings.map((warning, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is read once and never reordered
          <li key={k}>
            <span className="code">{warning.code}</span> {warning.message}
            {warning.article !== null && <span className="place"> · article {warning.article + 1}</span>}
            {warning.at && <span className="place"> · {placeLabel(warning)}</span>}{' '}
            {warning.nearSentence && (
              <button type="button" onClick={() => onShow(warning.nearSentence as string)}>
                Show
              </button>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

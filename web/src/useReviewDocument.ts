import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, type EditResult, type ReviewDocument } from './api';
import { patchRows } from './reviewRows';

export type LoadState = 'loading' | 'ready' | 'missing' | 'failed';

/** Rows shown before the rest of a long document arrives: a few screens' worth. */
const FIRST_ROWS = 200;

/** Resolves once the browser has drawn what is pending (two frames: the list measures, then draws). */
const afterPaint = () =>
  new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));

/** Makes an edit's request from the document as the previous edit left it; undefined to do nothing. */
export type EditRequest = (document: ReviewDocument) => Promise<EditResult> | undefined;

/**
 * A document under review: loaded once, then patched from the rows each edit changed.
 * Edits run one after another, each made on the rows (and versions) the previous one
 * returned, so that quick keys never trip over their own edits. A 404 or 409 reloads.
 */
export function useReviewDocument(documentId: number) {
  const [document, setDocument] = useState<ReviewDocument | undefined>();
  const [state, setState] = useState<LoadState>('loading');
  const [message, setMessage] = useState('');
  const latest = useRef<ReviewDocument | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const show = useCallback((shown: ReviewDocument) => {
    latest.current = shown;
    setDocument(shown);
    setState('ready');
  }, []);

  /** Loads the document: its first rows to show at once, then all of them. */
  const reload = useCallback(async () => {
    try {
      const first = await api.document(documentId, FIRST_ROWS);
      show(first);
      if (first.complete) return first;
      await afterPaint();
      const loaded = await api.document(documentId);
      show(loaded);
      return loaded;
    } catch (error) {
      latest.current = undefined;
      setDocument(undefined);
      setState(error instanceof ApiError && error.status === 404 ? 'missing' : 'failed');
      setMessage((error as Error).message);
      return undefined;
    }
  }, [documentId, show]);

  const edit = useCallback(
    (request: EditRequest, done: (outcome: EditResult) => string) => {
      queue.current = queue.current.then(async () => {
        const before = latest.current;
        const pending = before && request(before);
        if (!pending) return;
        try {
          const outcome = await pending;
          const current = latest.current ?? before;
          const rows = patchRows(current.rows, outcome);
          if (rows) show({ ...current, rows, history: outcome.history });
          else await reload();
          setMessage(done(outcome));
        } catch (error) {
          setMessage((error as Error).message);
          if (error instanceof ApiError && (error.status === 404 || error.status === 409)) await reload();
        }
      });
    },
    [reload, show],
  );

  useEffect(() => {
    setState('loading');
    const loading = reload();
    // Edits wait for the whole document, so that each is made on rows the view holds.
    queue.current = queue.current.then(async () => {
      await loading;
    });
  }, [reload]);

  return { document, state, message, setMessage, edit, reload };
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type PairRow } from './api';
import { ExportLink } from './ExportLink';
import { SentenceEditor } from './SentenceEditor';

/** Score as colour: red for doubtful, through amber, to green for sure. */
function scoreColour(score: number): string {
  return `hsl(${Math.round(Math.max(0, Math.min(1, score)) * 120)} 70% 45%)`;
}

/** Keys that move a sentence to the neighbouring pair: which language, and which way. */
const SENTENCE_MOVES = [
  [']', 'en', 'next'],
  ['[', 'en', 'previous'],
  ['}', 'zh', 'next'],
  ['{', 'zh', 'previous'],
] as const;

/** Where a pair's sentences stand in a PDF: `p. 3`, or `p. 3/4` when the languages are on different pages. */
function pageLabel(row: PairRow, pages: ReadonlyMap<string, number>): string {
  const first = (ids: string) => pages.get((JSON.parse(ids) as string[])[0] ?? '');
  const found = [...new Set([first(row.en_ids), first(row.zh_ids)].filter((page) => page !== undefined))];
  return found.length > 0 ? `p. ${found.join('/')}` : '';
}

const isDoubtful = (row: PairRow) => row.status === 'auto' && row.flags !== '[]';
const sentenceCount = (ids: string) => (JSON.parse(ids) as string[]).length;

const KEYS = [
  'j/k: next/previous pair',
  'n/p: next/previous doubtful',
  'm: merge with next',
  's: split',
  '[ ]: move English sentence',
  '{ }: move Chinese sentence',
  'e: correct text',
  'c: confirm',
  'u/r: undo/redo',
].join(' · ');

/**
 * Both languages side by side, pair by pair, keyboard first. Only the rows in view are
 * rendered, so a document of tens of thousands of pairs scrolls without stalling.
 */
export function Review({ documentId, focus }: { documentId: number; focus?: string | undefined }) {
  const [rows, setRows] = useState<PairRow[]>([]);
  const [current, setCurrent] = useState(0);
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState(false);
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map());
  const [pages, setPages] = useState<ReadonlyMap<string, number>>(new Map());
  const [name, setName] = useState(`Document ${documentId}`);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 8,
  });

  const reload = useCallback(async () => {
    const fresh = await api.document(documentId);
    setName(fresh.name);
    setRows(fresh.rows);
    setTexts(fresh.texts);
    setPages(fresh.pages);
    return fresh.rows;
  }, [documentId]);

  useEffect(() => {
    reload().then(
      (fresh) => {
        const at = focus ? fresh.findIndex((row) => row.pair_key === focus) : -1;
        if (at >= 0) setCurrent(at);
      },
      (error: Error) => {
        // Another document's rows must not stay on screen (nor its keys edit them).
        setRows([]);
        setName(`Document ${documentId}`);
        setMessage(error.message);
      },
    );
  }, [reload, focus, documentId]);

  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [current, rows.length, virtualizer]);

  const act = useCallback(
    async (action: () => Promise<unknown>, done: string) => {
      try {
        await action();
        setMessage(done);
      } catch (error) {
        setMessage((error as Error).message);
      }
      await reload();
    },
    [reload],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (typing || editing || event.ctrlKey || event.metaKey || event.altKey) return;
      const row = rows[current];
      const moveTo = (step: number, test: (r: PairRow) => boolean) => {
        for (let k = current + step; k >= 0 && k < rows.length; k += step) {
          if (test(rows[k] as PairRow)) return setCurrent(k);
        }
      };
      const moveSentence = (target: PairRow, lang: 'en' | 'zh', direction: 'previous' | 'next') => {
        const which = direction === 'next' ? 'last' : 'first';
        const language = lang === 'en' ? 'English' : 'Chinese';
        act(
          () => api.move(target, lang, direction),
          `Moved the ${which} ${language} sentence to the ${direction} pair.`,
        );
      };
      const actions: Record<string, () => void> = {
        j: () => setCurrent(Math.min(rows.length - 1, current + 1)),
        k: () => setCurrent(Math.max(0, current - 1)),
        n: () => moveTo(1, isDoubtful),
        p: () => moveTo(-1, isDoubtful),
        m: () => row && act(() => api.merge(row), 'Merged with the next pair.'),
        s: () =>
          row &&
          act(
            () =>
              api.split(row, Math.min(1, sentenceCount(row.en_ids)), Math.min(1, sentenceCount(row.zh_ids))),
            'Split after the first sentence of each side.',
          ),
        c: () => row && act(() => api.confirm(row), 'Confirmed.'),
        e: () => texts.size > 0 && setEditing(true),
        ...Object.fromEntries(
          SENTENCE_MOVES.map(([key, lang, direction]) => [
            key,
            () => row && moveSentence(row, lang, direction),
          ]),
        ),
        u: () => act(() => api.undo(documentId), 'Undone.'),
        r: () => act(() => api.redo(documentId), 'Redone.'),
      };
      const handler = actions[event.key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, current, act, documentId, editing, texts]);

  const saveSentences = (changes: { id: string; text: string }[]) => {
    setEditing(false);
    act(
      async () => {
        for (const change of changes) await api.editSentence(documentId, change.id, change.text);
      },
      `Corrected ${changes.length} sentence${changes.length === 1 ? '' : 's'}.`,
    );
  };

  return (
    <section className="review">
      <div className="toolbar">
        <h1>{name}</h1>
        {['tmx', 'xliff', 'jsonl', 'tsv', 'html'].map((format) => (
          <ExportLink key={format} href={api.exportUrl(documentId, format)} onError={setMessage}>
            {format.toUpperCase()}
          </ExportLink>
        ))}
      </div>
      <p className="keys">{KEYS}</p>
      <p role="status">{message}</p>
      {editing && rows[current] && (
        <SentenceEditor
          row={rows[current] as PairRow}
          texts={texts}
          onSave={saveSentences}
          onClose={() => setEditing(false)}
        />
      )}
      <div ref={scroller} className="pairs" role="listbox" aria-label="Pairs">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as PairRow;
            const classes = [
              'pair',
              row.role,
              row.status,
              item.index === current ? 'current' : '',
              isDoubtful(row) ? 'doubtful' : '',
            ];
            return (
              <div
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-pair={row.pair_key}
                className={classes.filter(Boolean).join(' ')}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                }}
                role="option"
                tabIndex={-1}
                aria-selected={item.index === current}
                onClick={() => setCurrent(item.index)}
                onKeyDown={() => setCurrent(item.index)}
              >
                <span
                  className="score"
                  title={`score ${row.score.toFixed(2)}`}
                  style={{ background: scoreColour(row.score) }}
                />
                <span className="role">
                  {row.role}
                  <span className="page">{pageLabel(row, pages)}</span>
                </span>
                <span className="text" lang="en">
                  {row.en}
                </span>
                <span className="text" lang="zh">
                  {row.zh}
                </span>
                <span className="flags">{(JSON.parse(row.flags) as string[]).join(', ')}</span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

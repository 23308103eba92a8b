import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { AlignmentMap } from './AlignmentMap';
import { api, type ReviewDocument, type ReviewPair } from './api';
import { ExportLink } from './ExportLink';
import { KeyHelp } from './KeyHelp';
import { LANGUAGE_NAMES } from './languages';
import { PairView } from './PairView';
import { FILTERS, nearest } from './reviewFilters';
import { rowBeside } from './reviewRows';
import { type CorrectionField, headerFields, SentenceEditor, sentenceFields } from './SentenceEditor';
import { useSentenceTexts } from './SentenceRun';
import { SplitChooser } from './SplitChooser';
import { type EditRequest, useReviewDocument } from './useReviewDocument';
import { WarningList } from './WarningList';

/** Keys that move a sentence to the neighbouring pair: which language, and which way. */
const SENTENCE_MOVES = [
  [']', 'en', 'next'],
  ['[', 'en', 'previous'],
  ['}', 'zh', 'next'],
  ['{', 'zh', 'previous'],
] as const;

const holdsSentence = (row: ReviewPair, sentence: string) =>
  [row.enIds, row.zhIds].some((ids) => ids.includes(sentence));

/** The buttons of the toolbar, each the key it stands for. */
const BUTTONS: readonly [string, string][] = [
  ['p', 'Previous'],
  ['n', 'Next'],
  ['c', 'Confirm'],
  ['C', 'Confirm all up to here'],
  ['x', 'Unconfirm'],
  ['m', 'Merge with next'],
  ['s', 'Split'],
  ['b', 'Split at…'],
  ['e', 'Correct text'],
  ['a', 'Align again'],
  ['u', 'Undo'],
  ['r', 'Redo'],
  ['?', 'Keys'],
];

const NO_ROWS: ReviewPair[] = [];
const NO_PAGES: ReadonlyMap<string, number> = new Map();

/** An edit of one row, made on the row as the document now holds it (same id, latest version). */
function onRow(
  target: ReviewPair,
  request: (row: ReviewPair, document: ReviewDocument) => ReturnType<EditRequest>,
): EditRequest {
  return (document) => {
    const row = document.rows.find((other) => other.id === target.id);
    return row && request(row, document);
  };
}

/** The sentences of a pair being corrected, with their texts as stored. */
/** A pair being corrected: the fields of its sentences, or of its two sides when it has none. */
interface Editing {
  row: ReviewPair;
  header: boolean;
  fields: CorrectionField[];
}

interface Correction {
  row: ReviewPair;
  texts: ReadonlyMap<string, string>;
}

/** A split being chosen: the pair, its sentences, and where the boundaries stand at first. */
interface Splitting extends Correction {
  initial?: { en?: number; zh?: number };
}

/**
 * Both languages side by side, pair by pair, keyboard first. Only the rows in view are
 * rendered, so a document of tens of thousands of pairs scrolls without stalling.
 */
export function Review({ documentId, focus }: { documentId: number; focus?: string | undefined }) {
  const { document, state, message, setMessage, edit } = useReviewDocument(documentId);
  const rows = document?.rows ?? NO_ROWS;
  const pages = document?.pages ?? NO_PAGES;
  const [current, setCurrent] = useState(0);
  const [correcting, setCorrecting] = useState<Editing | undefined>();
  const [filter, setFilter] = useState('doubtful');
  const [helping, setHelping] = useState(false);
  const [splitting, setSplitting] = useState<Splitting | undefined>();
  const [menu, setMenu] = useState<{ x: number; y: number } | undefined>();
  const actionsRef = useRef<Record<string, () => void>>({});
  const focused = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 8,
  });

  useEffect(() => {
    if (!document?.complete || focused.current) return;
    focused.current = true;
    const at = focus ? document.rows.findIndex((row) => row.key === focus) : -1;
    if (at >= 0) setCurrent(at);
  }, [document, focus]);

  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(Math.min(current, rows.length - 1), { align: 'auto' });
  }, [current, rows.length, virtualizer]);

  const row = rows[current];
  const currentTexts = useSentenceTexts(row);
  const splitAt = (lang: 'en' | 'zh', after: number) =>
    row && currentTexts && setSplitting({ row, texts: currentTexts, initial: { [lang]: after } });
  const inFilter = FILTERS[filter]?.test ?? (() => true);
  const moveTo = (step: 1 | -1) => {
    const found = nearest(rows, current, step, inFilter);
    if (found === undefined) setMessage(`No ${step === 1 ? 'later' : 'earlier'} pair in the filter.`);
    else setCurrent(found);
  };
  const showSentence = (sentence: string) => {
    const at = rows.findIndex((candidate) => holdsSentence(candidate, sentence));
    if (at < 0) setMessage('The text near this warning is in no pair.');
    else setCurrent(at);
  };
  const besides = (
    direction: 'previous' | 'next',
    request: (row: ReviewPair, other: ReviewPair) => ReturnType<EditRequest>,
  ) =>
    row &&
    onRow(row, (latest, doc) => {
      const other = rowBeside(doc.rows, latest, direction);
      return other && request(latest, other);
    });
  const moveSentence = (lang: 'en' | 'zh', direction: 'previous' | 'next') => {
    const which = direction === 'next' ? 'last' : 'first';
    const language = LANGUAGE_NAMES[lang];
    const request = besides(direction, (latest, other) => api.move(latest, lang, direction, other));
    if (request) edit(request, () => `Moved the ${which} ${language} sentence to the ${direction} pair.`);
  };
  const step = (direction: 'undo' | 'redo', done: string) =>
    edit(
      (doc) => {
        const next = doc.history[direction];
        if (next === null) setMessage(`Nothing to ${direction}.`);
        return next === null ? undefined : api.step(documentId, direction, next);
      },
      () => done,
    );
  /** Confirms the pair, then moves on to the next pair in the filter (auto-advance). */
  const confirm = () => {
    if (!row) return;
    edit(onRow(row, api.confirm), () => 'Confirmed.');
    const next = nearest(rows, current, 1, (other) => other !== row && inFilter(other));
    setCurrent(next ?? Math.min(rows.length - 1, current + 1));
  };
  /** Confirms every unconfirmed pair from the top down to this one, each its own edit. */
  const confirmUpToHere = () => {
    const pending = rows.slice(0, current + 1).filter((candidate) => candidate.status === 'auto');
    pending.forEach((target, k) => {
      const last = k === pending.length - 1;
      edit(onRow(target, api.confirm), () =>
        last ? `Confirmed ${pending.length} pairs up to here.` : 'Confirming…',
      );
    });
    if (pending.length === 0) setMessage('Every pair up to here is confirmed already.');
  };
  const realign = () =>
    edit(
      () =>
        api.realign(documentId).then((result) => {
          if (!result.outcome) throw new Error('Nothing to align again: confirm a pair first.');
          return result.outcome;
        }),
      (outcome) => `Aligned again around the confirmed pairs: ${outcome.pairs.length} pairs rewritten.`,
    );
  const actions: Record<string, () => void> = {
    j: () => setCurrent(Math.min(rows.length - 1, current + 1)),
    k: () => setCurrent(Math.max(0, current - 1)),
    n: () => moveTo(1),
    p: () => moveTo(-1),
    m: () => {
      const request = besides('next', (latest, next) => api.merge(latest, next));
      if (request) edit(request, () => 'Merged with the next pair.');
    },
    s: () =>
      row &&
      edit(
        onRow(row, (latest) =>
          api.split(latest, Math.min(1, latest.enIds.length), Math.min(1, latest.zhIds.length)),
        ),
        () => 'Split after the first sentence of each side.',
      ),
    c: confirm,
    C: confirmUpToHere,
    x: () => row && edit(onRow(row, api.unconfirm), () => 'No longer confirmed.'),
    a: realign,
    e: () => {
      if (!row) return;
      const ids = { en: row.enIds, zh: row.zhIds };
      if (ids.en.length + ids.zh.length === 0)
        setCorrecting({ row, header: true, fields: headerFields(row) });
      else
        api.sentences(row).then(
          (texts) => setCorrecting({ row, header: false, fields: sentenceFields(ids, texts) }),
          (error: Error) => setMessage(error.message),
        );
    },
    b: () =>
      row &&
      api.sentences(row).then(
        (texts) => setSplitting({ row, texts }),
        (error: Error) => setMessage(error.message),
      ),
    ...Object.fromEntries(
      SENTENCE_MOVES.map(([key, lang, direction]) => [key, () => moveSentence(lang, direction)]),
    ),
    u: () => step('undo', 'Undone.'),
    r: () => step('redo', 'Redone.'),
    '?': () => setHelping((shown) => !shown),
  };
  actionsRef.current = actions;

  useEffect(() => {
    if (state !== 'ready') return;
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (typing || correcting || splitting || helping || event.ctrlKey || event.metaKey || event.altKey)
        return;
      const handler = actionsRef.current[event.key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state, correcting, splitting, helping]);

  const confirmedCount = rows.filter((candidate) => candidate.status === 'confirmed').length;
  const toolbar = (onDone?: () => void) =>
    BUTTONS.map(([key, label]) => (
      <button
        key={key}
        type="button"
        title={`key: ${key}`}
        onClick={() => {
          onDone?.();
          actions[key]?.();
        }}
      >
        {label}
      </button>
    ));

  const saveCorrections = (changes: { id: string; text: string }[]) => {
    const target = correcting;
    setCorrecting(undefined);
    if (!target) return;
    changes.forEach((change, k) => {
      const done = k === changes.length - 1;
      const request = (latest: ReviewPair) =>
        target.header
          ? api.editPairText(latest, change.id as 'en' | 'zh', change.text)
          : api.editSentence(documentId, change.id, change.text, latest);
      const what = target.header ? 'side' : 'sentence';
      edit(onRow(target.row, request), () =>
        done ? `Corrected ${changes.length} ${what}${changes.length === 1 ? '' : 's'}.` : 'Correcting…',
      );
    });
  };

  if (state === 'missing' || state === 'failed') {
    return (
      <section className="review">
        <h1>{state === 'missing' ? `Document ${documentId} not found` : `Document ${documentId}`}</h1>
        <p role="status">{message}</p>
        <p>
          <a href="#/">Back to the library</a>
        </p>
      </section>
    );
  }

  return (
    <section className="review">
      <div className="toolbar">
        <h1>{document?.name ?? `Document ${documentId}`}</h1>
        {['tmx', 'xliff', 'jsonl', 'tsv', 'html'].map((format) => (
          <ExportLink key={format} href={api.exportUrl(documentId, format)} onError={setMessage}>
            {format.toUpperCase()}
          </ExportLink>
        ))}
      </div>
      <div className="review-tools" role="toolbar" aria-label="Review actions">
        {toolbar()}
        <label>
          Filter{' '}
          <select value={filter} onChange={(event) => setFilter(event.target.value)}>
            {Object.entries(FILTERS).map(([name, { label }]) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <span className="progress" aria-live="polite">
          {rows.length > 0 &&
            `Pair ${Math.min(current, rows.length - 1) + 1} of ${rows.length} · ${confirmedCount} confirmed (${Math.round((100 * confirmedCount) / rows.length)}%)`}
        </span>
      </div>
      <p role="status">{message}</p>
      <WarningList documentId={documentId} onShow={showSentence} />
      {helping && <KeyHelp onClose={() => setHelping(false)} />}
      {splitting && (
        <SplitChooser
          row={splitting.row}
          texts={splitting.texts}
          initial={splitting.initial}
          onClose={() => setSplitting(undefined)}
          onSplit={(en, zh) => {
            const target = splitting.row;
            setSplitting(undefined);
            edit(
              onRow(target, (latest) => api.split(latest, en, zh)),
              () => `Split after ${en} English and ${zh} Chinese sentences.`,
            );
          }}
        />
      )}
      {menu && (
        <div
          className="context-menu"
          role="menu"
          style={{ left: menu.x, top: menu.y }}
          onMouseLeave={() => setMenu(undefined)}
        >
          {toolbar(() => setMenu(undefined))}
        </div>
      )}
      <AlignmentMap rows={rows} current={current} onJump={setCurrent} />
      {correcting && (
        <SentenceEditor
          title={correcting.header ? 'Correct the text of this pair' : 'Correct the sentences of this pair'}
          fields={correcting.fields}
          onSave={saveCorrections}
          onClose={() => setCorrecting(undefined)}
        />
      )}
      <div ref={scroller} className="pairs" role="listbox" aria-label="Pairs">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <PairView
              key={(rows[item.index] as ReviewPair).id}
              row={rows[item.index] as ReviewPair}
              index={item.index}
              top={item.start}
              selected={item.index === current}
              sentences={item.index === current ? currentTexts : undefined}
              pages={pages}
              measure={virtualizer.measureElement}
              onSelect={setCurrent}
              onMenu={(index, at) => {
                setCurrent(index);
                setMenu(at);
              }}
              onBoundary={splitAt}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

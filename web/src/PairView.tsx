import type { ReviewPair } from './api';
import { isDoubtful } from './reviewFilters';
import { SentenceRun } from './SentenceRun';

/** Score as colour: red for doubtful, through amber, to green for sure. */
function scoreColour(score: number): string {
  return `hsl(${Math.round(Math.max(0, Math.min(1, score)) * 120)} 70% 45%)`;
}

/** Where a pair's sentences stand in a PDF: `p. 3`, or `p. 3/4` when the languages are on different pages. */
function pageLabel(row: ReviewPair, pages: ReadonlyMap<string, number>): string {
  if (pages.size === 0) return '';
  const first = (ids: readonly string[]) => pages.get(ids[0] ?? '');
  const found = [...new Set([first(row.enIds), first(row.zhIds)].filter((page) => page !== undefined))];
  return found.length > 0 ? `p. ${found.join('/')}` : '';
}

interface Props {
  row: ReviewPair;
  index: number;
  /** Where the virtual list places the row. */
  top: number;
  selected: boolean;
  /** The selected pair's sentence texts, once loaded: its text is then shown sentence by sentence. */
  sentences: ReadonlyMap<string, string> | undefined;
  pages: ReadonlyMap<string, number>;
  measure: (element: HTMLElement | null) => void;
  onSelect: (index: number) => void;
  onMenu: (index: number, at: { x: number; y: number }) => void;
  onBoundary: (lang: 'en' | 'zh', after: number) => void;
}

/** One pair in the review's list: score, role and page, both texts, flags. */
export function PairView({
  row,
  index,
  top,
  selected,
  sentences,
  pages,
  measure,
  onSelect,
  onMenu,
  onBoundary,
}: Props) {
  const classes = [
    'pair',
    row.role,
    row.status,
    selected ? 'current' : '',
    isDoubtful(row) ? 'doubtful' : '',
  ];
  return (
    <div
      ref={measure}
      data-index={index}
      data-pair={row.key}
      className={classes.filter(Boolean).join(' ')}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)` }}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      onClick={() => onSelect(index)}
      onKeyDown={(event) => event.key === 'Enter' && onSelect(index)}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(index, { x: event.clientX, y: event.clientY });
      }}
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
      {(['en', 'zh'] as const).map((lang) => (
        <span key={lang} className="text" lang={lang}>
          {sentences ? (
            <SentenceRun
              lang={lang}
              ids={lang === 'en' ? row.enIds : row.zhIds}
              texts={sentences}
              onBoundary={onBoundary}
            />
          ) : (
            row[lang]
          )}
        </span>
      ))}
      <span className="flags">{row.flags.join(', ')}</span>
    </div>
  );
}

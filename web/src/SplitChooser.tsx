import { useEffect, useRef, useState } from 'react';
import type { ReviewPair } from './api';
import { LANGUAGE_NAMES } from './languages';

interface Props {
  row: ReviewPair;
  texts: ReadonlyMap<string, string>;
  /** Where the boundaries stand at first; after each side's first sentence otherwise. */
  initial?: { en?: number; zh?: number } | undefined;
  onSplit: (en: number, zh: number) => void;
  onClose: () => void;
}

/** Arrow keys move a side's boundary: which side, and which way. */
const BOUNDARY_KEYS: Readonly<Record<string, ['en' | 'zh', number]>> = {
  ArrowLeft: ['en', -1],
  ArrowRight: ['en', 1],
  ArrowUp: ['zh', -1],
  ArrowDown: ['zh', 1],
};

/**
 * Where to split a pair: its sentences one under another, with a boundary after each that a
 * click chooses. Keys: ←/→ move the English boundary, ↑/↓ the Chinese one, Enter splits,
 * Escape closes.
 */
export function SplitChooser({ row, texts, initial, onSplit, onClose }: Props) {
  const ids = { en: row.enIds, zh: row.zhIds };
  const [at, setAt] = useState({
    en: initial?.en ?? Math.min(1, ids.en.length),
    zh: initial?.zh ?? Math.min(1, ids.zh.length),
  });
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const move = (lang: 'en' | 'zh', step: number) =>
    setAt((now) => ({ ...now, [lang]: Math.max(0, Math.min(ids[lang].length, now[lang] + step)) }));
  const onKey = (event: React.KeyboardEvent) => {
    const boundary = BOUNDARY_KEYS[event.key];
    if (boundary) move(...boundary);
    else if (event.key === 'Enter') onSplit(at.en, at.zh);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div className="overlay">
      <div
        ref={dialog}
        className="split-chooser"
        role="dialog"
        aria-modal="true"
        aria-labelledby="split-title"
        tabIndex={-1}
        onKeyDown={onKey}
      >
        <h2 id="split-title">Split this pair</h2>
        <p>Choose where each side ends its first part (← → English, ↑ ↓ Chinese, Enter to split).</p>
        {(['en', 'zh'] as const).map((lang) => (
          <ol key={lang} lang={lang} aria-label={`${LANGUAGE_NAMES[lang]} sentences`}>
            {[...ids[lang], undefined].map((id, k) => (
              <li key={id ?? 'end'}>
                <button
                  type="button"
                  className={`boundary${at[lang] === k ? ' chosen' : ''}`}
                  aria-pressed={at[lang] === k}
                  aria-label={`split ${LANGUAGE_NAMES[lang]} after sentence ${k}`}
                  onClick={() => setAt((now) => ({ ...now, [lang]: k }))}
                />
                {id && <span className="sentence">{texts.get(id) ?? ''}</span>}
              </li>
            ))}
          </ol>
        ))}
        <button type="button" onClick={() => onSplit(at.en, at.zh)}>
          Split here
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { PairRow } from './api';

interface Props {
  row: PairRow;
  texts: ReadonlyMap<string, string>;
  onSave: (changes: { id: string; text: string }[]) => void;
  onClose: () => void;
}

/** A sentence's field label in words: "English sentence 2 of 3". */
function labelOf(lang: 'en' | 'zh', index: number, count: number): string {
  return `${lang === 'en' ? 'English' : 'Chinese'} sentence ${index + 1} of ${count}`;
}

/**
 * Corrects the text of a pair's sentences (an extraction error, say), each in its own field:
 * a modal dialog that takes the focus, closes on Escape and gives it back when it closes.
 */
export function SentenceEditor({ row, texts, onSave, onClose }: Props) {
  const sides = (['en', 'zh'] as const).map((lang) => ({
    lang,
    ids: JSON.parse(lang === 'en' ? row.en_ids : row.zh_ids) as string[],
  }));
  const ids = sides.flatMap((side) => side.ids);
  const [drafts, setDrafts] = useState(() => new Map(ids.map((id) => [id, texts.get(id) ?? ''])));
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    first.current?.focus();
    return () => before?.focus();
  }, []);
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    onSave(
      ids.filter((id) => drafts.get(id) !== texts.get(id)).map((id) => ({ id, text: drafts.get(id) ?? '' })),
    );
  };
  return (
    <div className="overlay">
      <form
        className="sentence-editor"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sentence-editor-title"
        onSubmit={save}
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      >
        <h2 id="sentence-editor-title">Correct the sentences of this pair</h2>
        {ids.length === 0 && <p>This pair has no sentences to correct (a header field).</p>}
        {sides.flatMap(({ lang, ids: sideIds }) =>
          sideIds.map((id, k) => (
            <label key={id}>
              <span>{labelOf(lang, k, sideIds.length)}</span>
              <textarea
                ref={id === ids[0] ? first : undefined}
                lang={lang}
                value={drafts.get(id) ?? ''}
                onChange={(event) => setDrafts(new Map(drafts).set(id, event.target.value))}
                rows={2}
              />
            </label>
          )),
        )}
        <button type="submit">Save</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </form>
    </div>
  );
}

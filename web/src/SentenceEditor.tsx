import { useState } from 'react';
import type { PairRow } from './api';

interface Props {
  row: PairRow;
  texts: ReadonlyMap<string, string>;
  onSave: (changes: { id: string; text: string }[]) => void;
  onClose: () => void;
}

/** Corrects the text of a pair's sentences (an extraction error, say); each sentence in its own field. */
export function SentenceEditor({ row, texts, onSave, onClose }: Props) {
  const ids = [...(JSON.parse(row.en_ids) as string[]), ...(JSON.parse(row.zh_ids) as string[])];
  const [drafts, setDrafts] = useState(() => new Map(ids.map((id) => [id, texts.get(id) ?? ''])));
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    onSave(
      ids.filter((id) => drafts.get(id) !== texts.get(id)).map((id) => ({ id, text: drafts.get(id) ?? '' })),
    );
  };
  return (
    <form
      className="sentence-editor"
      onSubmit={save}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      {ids.length === 0 && <p>This pair has no sentences to correct (a header field).</p>}
      {ids.map((id) => (
        <label key={id}>
          <span>{id}</span>
          <textarea
            value={drafts.get(id) ?? ''}
            onChange={(event) => setDrafts(new Map(drafts).set(id, event.target.value))}
            rows={2}
          />
        </label>
      ))}
      <button type="submit">Save</button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </form>
  );
}

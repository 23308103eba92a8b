import { useEffect, useRef, useState } from 'react';
import { LANGUAGE_NAMES } from './languages';

/** A text to correct: a sentence of a pair, or one side of a header pair. */
export interface CorrectionField {
  id: string;
  lang: 'en' | 'zh';
  /** The field's label in words: "English sentence 2 of 3", "Chinese text". */
  label: string;
  text: string;
}

interface Props {
  title: string;
  fields: readonly CorrectionField[];
  onSave: (changes: { id: string; text: string }[]) => void;
  onClose: () => void;
}

/**
 * Corrects the texts of a pair (an extraction error, say), each in its own field:
 * a modal dialog that takes the focus, closes on Escape and gives it back when it closes.
 */
export function SentenceEditor({ title, fields, onSave, onClose }: Props) {
  const [drafts, setDrafts] = useState(() => new Map(fields.map((field) => [field.id, field.text])));
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    first.current?.focus();
    return () => before?.focus();
  }, []);
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    onSave(
      fields
        .filter((field) => drafts.get(field.id) !== field.text)
        .map((field) => ({ id: field.id, text: drafts.get(field.id) ?? '' })),
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
        <h2 id="sentence-editor-title">{title}</h2>
        {fields.map((field, k) => (
          <label key={field.id}>
            <span>{field.label}</span>
            <textarea
              ref={k === 0 ? first : undefined}
              lang={field.lang}
              value={drafts.get(field.id) ?? ''}
              onChange={(event) => setDrafts(new Map(drafts).set(field.id, event.target.value))}
              rows={2}
            />
          </label>
        ))}
        <button type="submit">Save</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </form>
    </div>
  );
}

/** The fields of a pair's sentences, English first, each labelled by its place: "English sentence 2 of 3". */
export function sentenceFields(
  ids: Record<'en' | 'zh', readonly string[]>,
  texts: ReadonlyMap<string, string>,
): CorrectionField[] {
  return (['en', 'zh'] as const).flatMap((lang) =>
    ids[lang].map((id, k) => ({
      id,
      lang,
      label: `${LANGUAGE_NAMES[lang]} sentence ${k + 1} of ${ids[lang].length}`,
      text: texts.get(id) ?? '',
    })),
  );
}

/** The two sides of a pair read without sentences (a title, a byline), each a field named by its language. */
export function headerFields(pair: Record<'en' | 'zh', string>): CorrectionField[] {
  return (['en', 'zh'] as const).map((lang) => ({
    id: lang,
    lang,
    label: `${LANGUAGE_NAMES[lang]} text`,
    text: pair[lang],
  }));
}

import { useEffect, useState } from 'react';
import { api, type ReviewPair } from './api';
import { LANGUAGE_NAMES } from './languages';

/** The texts of a row's sentences, fetched once the row has stayed selected a moment; undefined until then. */
export function useSentenceTexts(row: ReviewPair | undefined): ReadonlyMap<string, string> | undefined {
  const [loaded, setLoaded] = useState<{ key: string; texts: ReadonlyMap<string, string> }>();
  const key = row ? `${row.id}.${row.version}` : '';
  useEffect(() => {
    if (!row) return;
    const timer = setTimeout(() => {
      api.sentences(row).then(
        (texts) => setLoaded({ key: `${row.id}.${row.version}`, texts }),
        () => undefined,
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [row]);
  return loaded?.key === key ? loaded.texts : undefined;
}

/**
 * One side of the selected pair, sentence by sentence, with a mark at each boundary between
 * two sentences; a click on a mark asks to split there.
 */
export function SentenceRun({
  lang,
  ids,
  texts,
  onBoundary,
}: {
  lang: 'en' | 'zh';
  ids: readonly string[];
  texts: ReadonlyMap<string, string>;
  onBoundary: (lang: 'en' | 'zh', after: number) => void;
}) {
  return (
    <>
      {ids.map((id, k) => (
        <span key={id}>
          {k > 0 && (
            <button
              type="button"
              className="boundary-mark"
              aria-label={`split ${LANGUAGE_NAMES[lang]} after sentence ${k}`}
              title="Split here"
              onClick={(event) => {
                event.stopPropagation();
                onBoundary(lang, k);
              }}
            />
          )}
          <span className="sentence">{texts.get(id) ?? ''}</span>
          {lang === 'en' && k < ids.length - 1 ? ' ' : ''}
        </span>
      ))}
    </>
  );
}

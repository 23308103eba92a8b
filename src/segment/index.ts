import type { BilingualDocument, Lang, Paragraph, Sentence } from '../model/document.js';
import { chineseBoundaries } from './chinese.js';
import { englishBoundaries } from './english.js';

export { chineseBoundaries } from './chinese.js';
export { englishBoundaries } from './english.js';

/**
 * Splits text into sentences. Every character of the text is in exactly one sentence
 * or in the white space between two; sentences are slices of the text, never rewritten.
 */
export function splitSentences(text: string, lang: Lang): { text: string; start: number }[] {
  const boundaries = lang === 'en' ? englishBoundaries(text) : chineseBoundaries(text);
  const cuts = [0, ...boundaries, text.length];
  const sentences: { text: string; start: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const raw = text.slice(cuts[i], cuts[i + 1]);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') sentences.push({ text: trimmed, start: (cuts[i] ?? 0) + lead });
  }
  return sentences;
}

function segmentParagraph(paragraph: Paragraph, lang: Lang): void {
  if (paragraph.sentences.length > 0) return;
  paragraph.sentences = splitSentences(paragraph.text, lang).map(
    (sentence, i): Sentence => ({ id: `${paragraph.id}.s${i}`, ...sentence }),
  );
}

/** Fills in the sentences of every paragraph that has none yet (pre-split input keeps its own). */
export function segmentDocument(document: BilingualDocument): BilingualDocument {
  for (const article of document.articles) {
    for (const lang of ['en', 'zh'] as const) {
      for (const paragraph of article.paragraphs[lang]) segmentParagraph(paragraph, lang);
    }
  }
  return document;
}

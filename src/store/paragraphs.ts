import type { Paragraph } from '../model/document.js';

/**
 * A paragraph with one sentence's text replaced: the paragraph's text is rebuilt from its
 * sentences, keeping what stood between them (spaces, marks the segmenter left out), and
 * every later sentence's offset moves with it. Each sentence stays a slice of the text.
 */
export function withSentenceText(paragraph: Paragraph, sentenceId: string, text: string): Paragraph {
  let rebuilt = '';
  let read = 0;
  const sentences = paragraph.sentences.map((sentence) => {
    const start = Math.max(read, Math.min(sentence.start, paragraph.text.length));
    rebuilt += paragraph.text.slice(read, start);
    read = Math.max(start, Math.min(start + sentence.text.length, paragraph.text.length));
    const newText = sentence.id === sentenceId ? text : sentence.text;
    const moved = { ...sentence, text: newText, start: rebuilt.length };
    rebuilt += newText;
    return moved;
  });
  return { ...paragraph, text: rebuilt + paragraph.text.slice(read), sentences };
}

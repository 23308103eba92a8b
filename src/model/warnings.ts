import type { Article, BilingualDocument, Diagnostic, Paragraph, SourceLines } from './document.js';

/** A warning as a reviewer reads it in a list: what, where, and the sentence to look at. */
export interface PlacedWarning extends Diagnostic {
  /** The article the warning belongs to; null for the document as a whole. */
  article: number | null;
  /**
   * The first sentence of the text nearest the warning's place (the text after it, else
   * the text before), so that a view can show the pair holding it; null where there is none.
   */
  nearSentence: string | null;
}

type DocumentStructure = Pick<BilingualDocument, 'articles' | 'warnings'>;

/** Every warning of a document in reading order: the document's own, then each article's and its paragraphs'. */
export function listWarnings(document: DocumentStructure): PlacedWarning[] {
  const allParagraphs = document.articles.flatMap(paragraphsOf);
  const own = document.warnings.map((warning) => place(warning, null, allParagraphs));
  return [...own, ...document.articles.flatMap(articleWarnings)];
}

function articleWarnings(article: Article): PlacedWarning[] {
  const paragraphs = paragraphsOf(article);
  const own = article.warnings.map((warning) => place(warning, article.index, paragraphs));
  const inParagraphs = paragraphs.flatMap((paragraph) =>
    paragraph.warnings.map((warning) => ({
      ...warning,
      article: article.index,
      nearSentence: firstSentence(paragraph),
    })),
  );
  return [...own, ...inParagraphs];
}

function paragraphsOf(article: Article): Paragraph[] {
  return [...article.paragraphs.en, ...article.paragraphs.zh];
}

function place(warning: Diagnostic, article: number | null, paragraphs: readonly Paragraph[]): PlacedWarning {
  const near = warning.at ? nearestParagraph(warning.at, paragraphs) : paragraphs[0];
  return { ...warning, article, nearSentence: near ? firstSentence(near) : null };
}

/**
 * The paragraph that starts first after `at` in the same file, or failing that the one that
 * starts last before it: text kept aside belongs with what follows it (a heading, a caption)
 * more often than with what precedes it.
 */
function nearestParagraph(at: SourceLines, paragraphs: readonly Paragraph[]): Paragraph | undefined {
  const starts = paragraphs
    .filter((paragraph) => paragraph.sentences.length > 0 && paragraph.sources[0]?.file === at.file)
    .map((paragraph) => ({ paragraph, line: (paragraph.sources[0] as SourceLines).firstLine }));
  const after = starts.filter((start) => start.line >= at.firstLine).sort((a, b) => a.line - b.line)[0];
  const before = starts.filter((start) => start.line < at.firstLine).sort((a, b) => b.line - a.line)[0];
  return (after ?? before)?.paragraph;
}

function firstSentence(paragraph: Paragraph): string | null {
  return paragraph.sentences[0]?.id ?? null;
}

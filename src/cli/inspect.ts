import type {
  Article,
  BilingualDocument,
  BilingualText,
  Diagnostic,
  DocumentSource,
} from '../model/document.js';
import { HEADER_ROLES } from '../model/document.js';

function describeDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.at;
  const page = place?.page === undefined ? '' : `, page ${place.page}`;
  const at = place ? ` (${place.file}:${place.firstLine}${page})` : '';
  return `[${diagnostic.code}] ${diagnostic.message}${at}`;
}

/** Each file's format, and for text its encoding: `text utf-8`, `pdf`. */
function fileKinds(source: DocumentSource): string[] {
  return source.formats.map((format, i) =>
    format === 'pdf' || format === 'docx' ? format : `${format} ${source.encodings[i]}`,
  );
}

function bilingual(text: BilingualText): string {
  return `${text.en ?? '—'} | ${text.zh ?? '—'}`;
}

function articleReport(article: Article): string[] {
  const lines = [`Article ${article.index}: ${bilingual(article.title)}`];
  for (const role of HEADER_ROLES.slice(1)) {
    const field = article[role];
    if (field) lines.push(`  ${role}: ${bilingual(field)}`);
  }
  for (const lang of ['en', 'zh'] as const) {
    const paragraphs = article.paragraphs[lang];
    const sentences = paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.length, 0);
    lines.push(`  ${lang}: ${paragraphs.length} paragraphs, ${sentences} sentences`);
  }
  const paragraphWarnings = (['en', 'zh'] as const).flatMap((lang) =>
    article.paragraphs[lang].flatMap((paragraph) => paragraph.warnings),
  );
  for (const warning of [...article.warnings, ...paragraphWarnings])
    lines.push(`  warning ${describeDiagnostic(warning)}`);
  return lines;
}

/** The readable report of `bitext inspect`. */
export function inspectReport(document: BilingualDocument): string {
  const { source } = document;
  const lines = [
    `${source.files.join(' + ')}  (${source.reader}; ${fileKinds(source).join(', ')}; Chinese: ${source.chineseScript})`,
  ];
  if (document.toc.length > 0) {
    lines.push('Contents:');
    document.toc.forEach((entry, i) => {
      const match = entry.article === null ? 'absent' : `article ${entry.article}`;
      lines.push(`  ${i + 1}. ${bilingual(entry)}  → ${match}`);
    });
  }
  for (const article of document.articles) lines.push(...articleReport(article));
  for (const warning of document.warnings) lines.push(`warning ${describeDiagnostic(warning)}`);
  return `${lines.join('\n')}\n`;
}

import { basename, extname } from 'node:path';
import type { BilingualDocument } from './document.js';

/** The short name of a document: its first input file without folder and extension. */
export function documentName(document: BilingualDocument): string {
  return documentNameOf(document.source.files[0] ?? 'document');
}

/** The name a document read from this file goes by: `x` for `x.pdf` and `x.en.txt`. */
export function documentNameOf(file: string): string {
  return basename(file, extname(file)).replace(/\.(en|zh)$/i, '');
}

/**
 * Names for documents written side by side, one for each document's first file, all
 * different: the document's name, or where two share it (`review.pdf`, `review.docx`;
 * `a/x.txt`, `b/x.txt`) the name with the file's extension, then with a number.
 */
export function distinctNames(files: readonly string[]): string[] {
  const count = (names: readonly string[], name: string) => names.filter((other) => other === name).length;
  const names = files.map(documentNameOf);
  const withExtension = names.map((name, i) =>
    count(names, name) > 1
      ? `${name}-${extname(files[i] ?? '')
          .slice(1)
          .toLowerCase()}`
      : name,
  );
  const seen = new Map<string, number>();
  return withExtension.map((name) => {
    if (count(withExtension, name) === 1) return name;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    return `${name}-${seen.get(name)}`;
  });
}

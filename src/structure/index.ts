import type { InputGroup } from '../ingest/inputs.js';
import type { BilingualDocument } from '../model/document.js';
import { detectChineseScript } from '../text/script.js';
import { structureMagazine } from './magazine.js';
import { interleaveArticles, structurePair, structurePresplit } from './pair.js';

export { structureMagazine } from './magazine.js';
export { structurePair, structurePresplit } from './pair.js';

/**
 * Builds the document model (without sentences) from a group of input files. A pair of
 * files with titles is read article by article, as a magazine is; without, as one article.
 */
export function structureDocument(group: InputGroup): BilingualDocument {
  if (group.reader === 'magazine') {
    const { file } = group;
    const { toc, articles, warnings } = structureMagazine(file.blocks);
    return {
      source: {
        files: [file.path],
        reader: 'magazine',
        formats: [file.format],
        encodings: [file.encoding],
        chineseScript: detectChineseScript(file.text),
      },
      toc,
      articles,
      warnings,
    };
  }
  const { en, zh } = group;
  const source = {
    files: [en.path, zh.path],
    reader: group.reader,
    formats: [en.format, zh.format],
    encodings: [en.encoding, zh.encoding],
    chineseScript: detectChineseScript(zh.text),
  };
  const titled = group.reader === 'pair' ? interleaveArticles(en.blocks, zh.blocks) : null;
  if (titled) return { source, ...structureMagazine(titled) };
  const article = group.reader === 'pair' ? structurePair(en.blocks, zh.blocks) : structurePresplit(en, zh);
  return { source, toc: [], articles: [article], warnings: [] };
}

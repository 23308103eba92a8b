import type { AlignedDocument, PairRole } from '../src/model/document.js';

/** A document of hand-written pairs, each [en, zh] or [en, zh, role], as a store holds it. */
export function pairsDocument(name: string, pairs: [string, string, PairRole?][]): AlignedDocument {
  return {
    source: {
      files: [`${name}.txt`],
      reader: 'pair',
      formats: ['text', 'text'],
      encodings: ['utf-8', 'utf-8'],
      chineseScript: 'simplified',
    },
    toc: [],
    articles: [],
    warnings: [],
    pairs: pairs.map(([en, zh, role], k) => ({
      id: `p${k}`,
      article: 0,
      role: role ?? 'body',
      en,
      zh,
      enIds: [],
      zhIds: [],
      score: 0.9,
      flags: [],
    })),
  };
}

import type { PairRole } from '../model/document.js';
import type { Store } from '../store/corpus.js';
import type { SearchOptions } from '../store/search.js';
import type { SearchPage, Span } from '../store/search-types.js';
import { spotTranslations } from '../store/spotting.js';
import { openStore } from './open-store.js';

export interface SearchCommandOptions {
  db: string;
  stem?: boolean;
  document?: string;
  role?: PairRole;
  offset: number;
  limit: number;
  json?: boolean;
}

/** Terminal marks: query matches in bold, spotted translations underlined. */
const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const UNDERLINE = ['\x1b[4m', '\x1b[24m'] as const;

/** A text with its spans wrapped in terminal marks; spans do not overlap within one kind. */
function marked(text: string, kinds: readonly { spans: Span[]; marks: readonly [string, string] }[]): string {
  const inserts = kinds
    .flatMap(({ spans, marks }) =>
      spans.flatMap(([start, end]) => [
        { at: start, mark: marks[0] },
        { at: end, mark: marks[1] },
      ]),
    )
    .sort((a, b) => b.at - a.at);
  let out = text;
  for (const { at, mark } of inserts) out = out.slice(0, at) + mark + out.slice(at);
  return out;
}

async function searchOptions(store: Store, options: SearchCommandOptions): Promise<SearchOptions> {
  const documentId = options.document ? (await store.documentIds([options.document]))[0] : undefined;
  return {
    offset: options.offset,
    limit: options.limit,
    ...(options.stem ? { stem: true } : {}),
    ...(documentId !== undefined ? { documentId } : {}),
    ...(options.role ? { role: options.role } : {}),
  };
}

function pageLine(page: SearchPage): string {
  if (page.total === 0) return 'bitext: no pairs match\n';
  const total = `${page.more ? 'more than ' : page.estimated ? 'about ' : ''}${page.total}`;
  return `bitext: pairs ${page.offset + 1}–${page.offset + page.hits.length} of ${total}\n`;
}

/**
 * `bitext search`: one page of matching pairs, a line each (document, pair id, English,
 * Chinese, tab-separated); on a terminal the matches bold and their translations underlined.
 */
export async function runSearchCommand(query: string, options: SearchCommandOptions): Promise<void> {
  const store = await openStore(options.db, { mustExist: true });
  try {
    const found = await searchOptions(store, options);
    const page = await store.search(query, found);
    const spot = () => spotTranslations(page, query, store, found);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(await spot(), null, 2)}\n`);
      return;
    }
    const spotted = process.stdout.isTTY ? (await spot()).hits : undefined;
    page.hits.forEach((hit, i) => {
      const side = (lang: 'en' | 'zh') =>
        spotted
          ? marked(hit.pair[lang], [
              { spans: hit.matches[lang], marks: BOLD },
              { spans: spotted[i]?.spotted[lang] ?? [], marks: UNDERLINE },
            ])
          : hit.pair[lang];
      process.stdout.write(`${hit.documentName}\t${hit.pair.id}\t${side('en')}\t${side('zh')}\n`);
    });
    process.stderr.write(pageLine(page));
  } finally {
    await store.close();
  }
}

import type { AlignedDocument, Lang, Pair } from '../model/document.js';
import { documentName } from '../model/names.js';
import { renderHtml } from './html.js';
import {
  bothSides,
  type ExportFile,
  type ExportOptions,
  escapeXml,
  languageCode,
  oneLine,
  selectedPairs,
  TOOL_VERSION,
} from './shared.js';

type Documents = readonly AlignedDocument[];

/** One document as its model with pairs; several as an array of them. */
function renderJson(documents: Documents, options: ExportOptions): ExportFile[] {
  const models = documents.map((document) => ({ ...document, pairs: selectedPairs(document, options) }));
  return [
    { suffix: '.json', text: `${JSON.stringify(models.length === 1 ? models[0] : models, null, 2)}\n` },
  ];
}

function lines(texts: readonly string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}

function renderJsonl(documents: Documents, options: ExportOptions): ExportFile[] {
  const rows = documents.flatMap((document) => {
    const doc = documentName(document);
    return selectedPairs(document, options).map((pair) =>
      JSON.stringify({
        doc,
        id: pair.id,
        article: pair.article,
        role: pair.role,
        en: pair.en,
        zh: pair.zh,
        score: Number(pair.score.toFixed(4)),
        flags: pair.flags,
        enIds: pair.enIds,
        zhIds: pair.zhIds,
        ...(pair.status ? { status: pair.status } : {}),
      }),
    );
  });
  return [{ suffix: '.jsonl', text: lines(rows) }];
}

/** Columns: en, zh, score, role, flags, doc, article, id. */
function renderTsv(documents: Documents, options: ExportOptions): ExportFile[] {
  const rows = documents.flatMap((document) => {
    const doc = documentName(document);
    return selectedPairs(document, options).map((pair) =>
      [
        oneLine(pair.en),
        oneLine(pair.zh),
        pair.score.toFixed(3),
        pair.role,
        pair.flags.join(','),
        doc,
        pair.article ?? '',
        pair.id,
      ].join('\t'),
    );
  });
  return [{ suffix: '.tsv', text: lines(rows) }];
}

/** Two line-parallel files, as Moses and most MT toolkits read them; only pairs with both sides. */
function renderMoses(documents: Documents, options: ExportOptions): ExportFile[] {
  const pairs = documents.flatMap((document) => selectedPairs(document, options).filter(bothSides));
  const side = (lang: Lang) => lines(pairs.map((pair) => oneLine(pair[lang])));
  return [
    { suffix: '.en', text: side('en') },
    { suffix: '.zh', text: side('zh') },
  ];
}

function sidesInOrder(options: ExportOptions): [Lang, Lang] {
  return (options.sourceLang ?? 'zh') === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
}

function prop(type: string, value: string | number): string {
  return `      <prop type="${type}">${escapeXml(String(value))}</prop>`;
}

function tmxUnit(document: AlignedDocument, pair: Pair, sides: [Lang, Lang]): string {
  const doc = documentName(document);
  return [
    `    <tu tuid="${escapeXml(`${doc}:${pair.id}`)}">`,
    prop('x-document', doc),
    prop('x-article', pair.article ?? ''),
    prop('x-role', pair.role),
    prop('x-score', pair.score.toFixed(3)),
    ...(pair.flags.length ? [prop('x-flags', pair.flags.join(','))] : []),
    ...(pair.status ? [prop('x-status', pair.status)] : []),
    ...sides.map(
      (lang) =>
        `      <tuv xml:lang="${languageCode(document, lang)}"><seg>${escapeXml(pair[lang])}</seg></tuv>`,
    ),
    '    </tu>',
  ].join('\n');
}

/** TMX 1.4b, with document, article, role, score and (once confirmed) status as props; only pairs with both sides. */
function renderTmx(documents: Documents, options: ExportOptions): ExportFile[] {
  const sides = sidesInOrder(options);
  const units = documents.flatMap((document) =>
    selectedPairs(document, options)
      .filter(bothSides)
      .map((pair) => tmxUnit(document, pair, sides)),
  );
  const first = documents[0];
  const srclang = first ? languageCode(first, sides[0]) : sides[0];
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="bitext" creationtoolversion="${TOOL_VERSION}" segtype="sentence" o-tmf="bitext" adminlang="en" srclang="${srclang}" datatype="plaintext"/>`,
    '  <body>',
    ...units,
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
  return [{ suffix: '.tmx', text }];
}

function xliffFile(document: AlignedDocument, options: ExportOptions): string {
  const [source, target] = sidesInOrder(options);
  const units = selectedPairs(document, options)
    .filter(bothSides)
    .map((pair) => {
      const note = `role: ${pair.role}; score: ${pair.score.toFixed(3)}${pair.flags.length ? `; flags: ${pair.flags.join(', ')}` : ''}`;
      const confirmed = pair.status === 'confirmed';
      return [
        `      <trans-unit id="${escapeXml(pair.id)}"${confirmed ? ' approved="yes"' : ''}>`,
        `        <source>${escapeXml(pair[source])}</source>`,
        `        <target state="${confirmed ? 'final' : 'needs-review-translation'}">${escapeXml(pair[target])}</target>`,
        `        <note from="bitext">${escapeXml(note)}</note>`,
        '      </trans-unit>',
      ].join('\n');
    });
  return [
    `  <file original="${escapeXml(documentName(document))}" source-language="${languageCode(document, source)}" target-language="${languageCode(document, target)}" datatype="plaintext">`,
    `    <header><tool tool-id="bitext" tool-name="bitext" tool-version="${TOOL_VERSION}"/></header>`,
    '    <body>',
    ...units,
    '    </body>',
    '  </file>',
  ].join('\n');
}

/**
 * XLIFF 1.2, a file element per document, a trans-unit per pair with both sides; role, score
 * and flags in a note. A pair a person confirmed is `approved` and its target `final`; any
 * other `needs-review-translation`.
 */
function renderXliff(documents: Documents, options: ExportOptions): ExportFile[] {
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    ...documents.map((document) => xliffFile(document, options)),
    '</xliff>',
    '',
  ].join('\n');
  return [{ suffix: '.xlf', text }];
}

export const FORMATS = {
  json: renderJson,
  jsonl: renderJsonl,
  tsv: renderTsv,
  moses: renderMoses,
  tmx: renderTmx,
  xliff: renderXliff,
  html: renderHtml,
} as const;

export type Format = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

/** The suffixes of the files each format writes, known before anything is rendered (to refuse outputs that exist). */
const SUFFIXES: Readonly<Record<Format, readonly string[]>> = {
  json: ['.json'],
  jsonl: ['.jsonl'],
  tsv: ['.tsv'],
  moses: ['.en', '.zh'],
  tmx: ['.tmx'],
  xliff: ['.xlf'],
  html: ['.html'],
};

export function formatSuffixes(format: Format): readonly string[] {
  return SUFFIXES[format];
}

/** The single-file formats by the extensions their files go by (Moses writes two files, so has none). */
const FORMAT_OF_EXTENSION: Readonly<Record<string, Format>> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.tsv': 'tsv',
  '.tmx': 'tmx',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.html': 'html',
};

/** The format a file name's extension names (`corpus.tmx` → tmx), if it names one. */
export function formatOfFileName(name: string): Format | undefined {
  const extension = /\.[a-z]+$/i.exec(name)?.[0].toLowerCase();
  return extension ? FORMAT_OF_EXTENSION[extension] : undefined;
}

/** Renders a document in a format: the files to write, each with its suffix. */
export function renderDocument(
  document: AlignedDocument,
  format: Format,
  options: ExportOptions = {},
): ExportFile[] {
  return FORMATS[format]([document], options);
}

/** Renders several documents, a whole corpus, into one set of files. */
export function renderDocuments(
  documents: readonly AlignedDocument[],
  format: Format,
  options: ExportOptions = {},
): ExportFile[] {
  return FORMATS[format](documents, options);
}

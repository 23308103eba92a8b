import type Database from 'better-sqlite3';
import { scoreTranslation } from '../align/index.js';
import { BitextError } from '../errors.js';
import type { Lang, Paragraph } from '../model/document.js';
import { flagsOf } from '../pairs/flags.js';
import { joinSentences } from '../text/join.js';
import { NotFoundError, StaleEditError } from './errors.js';
import { withSentenceText } from './paragraphs.js';
import type { EditHistory, EditOutcome, Seen, StoredRow } from './rows.js';

export { NotFoundError, StaleEditError } from './errors.js';
export type { EditHistory, EditOutcome, Seen, StoredRow } from './rows.js';

export type EditKind = 'merge' | 'split' | 'confirm' | 'move' | 'edit-text' | 'realign';

/** The sentences of one new pair, by id. */
export interface SentenceGroup {
  en: string[];
  zh: string[];
}

interface SentenceChange {
  id: string;
  before: string;
  after: string;
}

/** A row an edit makes: its content; `id` when it keeps the id of the row it replaces. */
interface Draft {
  id?: number;
  pair_key: string;
  article: number | null;
  role: StoredRow['role'];
  en_ids: string[];
  zh_ids: string[];
  en: string;
  zh: string;
  status: StoredRow['status'];
  version: number;
  truncated: boolean;
}

/** Half of a UTF-16 pair: stored as a replacement character, so the text saved would not be the text sent. */
const LONE_SURROGATE = /\p{Cs}/u;

function refuseBrokenCharacters(text: string): void {
  if (LONE_SURROGATE.test(text))
    throw new BitextError(
      'the text holds a broken character (half of a UTF-16 pair): type or paste it again',
    );
}

/** Room left between neighbouring positions, so that most edits renumber nothing. */
export const POSITION_GAP = 1024;

const idsOf = (row: StoredRow, lang: Lang): string[] => JSON.parse(row[`${lang}_ids`]) as string[];
const isTruncated = (row: StoredRow) => (JSON.parse(row.flags) as string[]).includes('truncated');
const joinTexts = (texts: readonly string[], lang: Lang) =>
  joinSentences(
    texts.filter((text) => text !== ''),
    lang,
  );

/** The key a pipeline gave a pair (`a0.body.5`, `a0.title`, `toc.3`), under which a split names its parts. */
const PIPELINE_KEY = /^(?:toc\.\d+|a\d+\.body\.\d+|a\d+\.[a-z]+)/;

/** How sure the aligner is that two texts translate each other; 0 for a one-sided pair. */
async function scoreOf(en: string, zh: string): Promise<number> {
  return en !== '' && zh !== '' ? scoreTranslation(en, zh) : 0;
}

/**
 * Edits of a document's pairs: confirm, merge with the next, split, move a sentence to a
 * neighbour, correct a sentence's text. Each edit names the rows it changes with the
 * versions it saw and is refused (StaleEditError) if any changed since; it replaces a run of
 * neighbouring rows by new ones, rescored, and is recorded so that it can be undone and redone,
 * one document at a time. Row ids are never reused; positions are integers; keys are unique.
 */
export class PairEditor {
  constructor(private readonly db: Database.Database) {}

  /** Marks a pair as checked by a person; it keeps its id. */
  async confirm(seen: Seen, who: string): Promise<EditOutcome> {
    return this.setStatus(seen, 'confirmed', who);
  }

  /** Takes back a confirmation: the pair is again the aligner's, which re-alignment may change. */
  async unconfirm(seen: Seen, who: string): Promise<EditOutcome> {
    return this.setStatus(seen, 'auto', who);
  }

  private async setStatus(seen: Seen, status: StoredRow['status'], who: string): Promise<EditOutcome> {
    const row = this.current(seen);
    return this.apply(row.document_id, 'confirm', who, [row], [{ ...this.draftOf(row), status }]);
  }

  /** Merges a pair with the one after it in the same article and role. */
  async mergeWithNext(seen: Seen, next: Seen, who: string): Promise<EditOutcome> {
    const first = this.current(seen);
    const second = this.neighbour(first, 'next');
    if (!second) throw new BitextError(`pair ${first.id} has no next pair of the same kind to merge with`);
    this.expectSeen(second, next);
    const texts = (lang: Lang) => joinTexts([first[lang], second[lang]], lang);
    const merged: Draft = {
      ...this.draftOf(first),
      en_ids: [...idsOf(first, 'en'), ...idsOf(second, 'en')],
      zh_ids: [...idsOf(first, 'zh'), ...idsOf(second, 'zh')],
      en: texts('en'),
      zh: texts('zh'),
      status: 'auto',
      truncated: isTruncated(first) || isTruncated(second),
    };
    delete merged.id;
    return this.apply(first.document_id, 'merge', who, [first, second], [merged]);
  }

  /** Splits a pair in two: its first `enCount` English and `zhCount` Chinese sentences, and the rest. */
  async split(seen: Seen, enCount: number, zhCount: number, who: string): Promise<EditOutcome> {
    const row = this.current(seen);
    const en = idsOf(row, 'en');
    const zh = idsOf(row, 'zh');
    const inRange = (count: number, total: number) => Number.isInteger(count) && count >= 0 && count <= total;
    const empty = enCount + zhCount === 0 || enCount + zhCount === en.length + zh.length;
    if (!inRange(enCount, en.length) || !inRange(zhCount, zh.length) || empty) {
      throw new BitextError(
        `pair ${row.id} cannot be split after ${enCount} English and ${zhCount} Chinese sentences`,
      );
    }
    const parts = [
      this.withSentences(row, row.pair_key, en.slice(0, enCount), zh.slice(0, zhCount), [row]),
      this.withSentences(row, this.splitKey(row), en.slice(enCount), zh.slice(zhCount), [row]),
    ];
    return this.apply(row.document_id, 'split', who, [row], parts);
  }

  /**
   * Moves one sentence of a pair to its neighbour: the first sentence of a side to the
   * previous pair, or the last to the next. A pair left with no sentence is removed.
   */
  async moveSentence(
    seen: Seen,
    lang: Lang,
    direction: 'previous' | 'next',
    neighbourSeen: Seen,
    who: string,
  ): Promise<EditOutcome> {
    const row = this.current(seen);
    const other = this.neighbour(row, direction);
    const ids = idsOf(row, lang);
    if (!other || ids.length === 0)
      throw new BitextError(`pair ${row.id} has no ${lang} sentence to move to a ${direction} pair`);
    this.expectSeen(other, neighbourSeen);
    const forward = direction === 'next';
    const moved = (forward ? ids.at(-1) : ids[0]) as string;
    const sideOf = (target: StoredRow, side: string[]) => {
      const both = { en: idsOf(target, 'en'), zh: idsOf(target, 'zh'), [lang]: side };
      return this.withSentences(target, target.pair_key, both.en, both.zh, [row, other]);
    };
    const rest = sideOf(row, forward ? ids.slice(0, -1) : ids.slice(1));
    const received = sideOf(other, forward ? [moved, ...idsOf(other, lang)] : [...idsOf(other, lang), moved]);
    const keepRest = rest.en_ids.length + rest.zh_ids.length > 0;
    const inOrder = forward ? [row, other] : [other, row];
    const made = forward ? [rest, received] : [received, rest];
    return this.apply(
      row.document_id,
      'move',
      who,
      inOrder,
      made.filter((draft) => draft !== rest || keepRest),
    );
  }

  /**
   * Corrects the text of a sentence (an extraction error, say): its paragraph's text is
   * rebuilt around it and the pair that holds it follows, rescored, keeping its status.
   */
  async editSentence(
    documentId: number,
    sentenceId: string,
    text: string,
    seen: Seen,
    who: string,
  ): Promise<EditOutcome> {
    if (text.trim() === '')
      throw new BitextError('a sentence cannot be made empty: merge or move it instead');
    refuseBrokenCharacters(text);
    const before = this.sentenceText(documentId, sentenceId);
    const holder = this.current(seen);
    const lang: Lang | undefined = idsOf(holder, 'en').includes(sentenceId)
      ? 'en'
      : idsOf(holder, 'zh').includes(sentenceId)
        ? 'zh'
        : undefined;
    if (holder.document_id !== documentId || !lang)
      throw new StaleEditError(
        `pair ${holder.id} no longer holds sentence ${sentenceId}: reload and try again`,
      );
    const texts = this.sentenceTexts(documentId, idsOf(holder, lang));
    texts.set(sentenceId, text);
    const rebuilt: Draft = {
      ...this.draftOf(holder),
      [lang]: joinTexts(
        idsOf(holder, lang).map((id) => texts.get(id) ?? ''),
        lang,
      ),
    };
    return this.apply(
      documentId,
      'edit-text',
      who,
      [holder],
      [rebuilt],
      [{ id: sentenceId, before, after: text }],
    );
  }

  /**
   * Corrects one side of a pair read without sentences (a title, subtitle, byline, date or
   * source line, a contents entry): its whole text, rescored, keeping its status.
   */
  async editPairText(seen: Seen, lang: Lang, text: string, who: string): Promise<EditOutcome> {
    refuseBrokenCharacters(text);
    const row = this.current(seen);
    if (idsOf(row, 'en').length + idsOf(row, 'zh').length > 0)
      throw new BitextError(`pair ${row.id} holds sentences: correct them one by one`);
    const corrected: Draft = { ...this.draftOf(row), [lang]: text.trim() };
    if (corrected.en === '' && corrected.zh === '')
      throw new BitextError('a pair cannot be made empty on both sides');
    return this.apply(row.document_id, 'edit-text', who, [row], [corrected]);
  }

  /** Undoes the latest edit of a document still in force; `expected` names the edit the caller saw as latest. */
  undo(documentId: number, expected?: number): EditOutcome & { done: boolean } {
    return this.step(documentId, 'undo', expected);
  }

  /** Redoes the earliest undone edit of a document; `expected` names the edit the caller saw. */
  redo(documentId: number, expected?: number): EditOutcome & { done: boolean } {
    return this.step(documentId, 'redo', expected);
  }

  /** Which edits undo and redo would apply next in a document. */
  history(documentId: number): EditHistory {
    const pick = (sql: string) =>
      (this.db.prepare(sql).get(documentId) as { id: number } | undefined)?.id ?? null;
    const latest = this.db
      .prepare('SELECT id, undoable FROM edits WHERE document_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1')
      .get(documentId) as { id: number; undoable: number } | undefined;
    return {
      undo: latest?.undoable ? latest.id : null,
      redo: pick('SELECT id FROM edits WHERE document_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1'),
    };
  }

  /**
   * Re-alignment: in a run of neighbouring rows, each stretch (its rows keyed by the id of
   * the first) is replaced by new pairs of the given sentences, under the stretch's keys and
   * new ones after them; the other rows stay as they are. One edit, undone at once.
   */
  async realign(
    run: readonly StoredRow[],
    stretches: ReadonlyMap<number, { rows: readonly StoredRow[]; groups: readonly SentenceGroup[] }>,
    who: string,
  ): Promise<EditOutcome> {
    const first = run[0];
    if (!first) throw new BitextError('nothing to realign');
    const replaced = new Set([...stretches.values()].flatMap((stretch) => stretch.rows.map((row) => row.id)));
    const keys = new Set(
      this.db
        .prepare('SELECT pair_key FROM pairs WHERE document_id = ?')
        .pluck()
        .all(first.document_id) as string[],
    );
    const drafts = run.flatMap((row) => {
      const stretch = stretches.get(row.id);
      if (!stretch) return replaced.has(row.id) ? [] : [this.draftOf(row)];
      return stretch.groups.map((group, k) => {
        const key = stretch.rows[k]?.pair_key ?? this.freeKey(row, keys);
        return this.withSentences(row, key, group.en, group.zh, stretch.rows);
      });
    });
    return this.apply(first.document_id, 'realign', who, [...run], drafts);
  }

  /** A key under a row's pipeline key that no pair of its document has (`a0.body.5.2`); taken once given. */
  private freeKey(row: StoredRow, taken: Set<string>): string {
    const root = PIPELINE_KEY.exec(row.pair_key)?.[0] ?? row.pair_key;
    let n = 1;
    while (taken.has(`${root}.${n}`)) n++;
    taken.add(`${root}.${n}`);
    return `${root}.${n}`;
  }

  private current(seen: Seen): StoredRow {
    const row = this.db
      .prepare(
        'SELECT p.* FROM pairs p JOIN documents d ON d.id = p.document_id WHERE p.id = ? AND d.held_by IS NULL',
      )
      .get(seen.id) as StoredRow | undefined;
    if (!row) throw new NotFoundError(`no pair with id ${seen.id}: it was merged, split or undone; reload`);
    this.expectSeen(row, seen);
    return row;
  }

  private expectSeen(row: StoredRow, seen: Seen): void {
    if (row.id !== seen.id || row.version !== seen.version) {
      throw new StaleEditError(
        `pair ${row.id} (version ${row.version}) is not the pair ${seen.id} (version ${seen.version}) the edit was made on: reload and try again`,
      );
    }
  }

  /** The pair before or after a row in its document, if it belongs to the same article and role. */
  private neighbour(row: StoredRow, direction: 'previous' | 'next'): StoredRow | undefined {
    const other = this.adjacent(row.document_id, row.position, direction);
    return other && other.article === row.article && other.role === row.role ? other : undefined;
  }

  private adjacent(
    documentId: number,
    position: number,
    direction: 'previous' | 'next',
  ): StoredRow | undefined {
    const [comparison, order] = direction === 'next' ? ['>', 'ASC'] : ['<', 'DESC'];
    return this.db
      .prepare(
        `SELECT * FROM pairs WHERE document_id = ? AND position ${comparison} ? ORDER BY position ${order} LIMIT 1`,
      )
      .get(documentId, position) as StoredRow | undefined;
  }

  private draftOf(row: StoredRow): Draft {
    return {
      id: row.id,
      pair_key: row.pair_key,
      article: row.article,
      role: row.role,
      en_ids: idsOf(row, 'en'),
      zh_ids: idsOf(row, 'zh'),
      en: row.en,
      zh: row.zh,
      status: row.status,
      version: row.version + 1,
      truncated: isTruncated(row),
    };
  }

  /** A new row of a row's kind holding these sentences; `truncated` if it holds the last sentence of a cut-off source. */
  private withSentences(
    base: StoredRow,
    key: string,
    en: string[],
    zh: string[],
    sources: readonly StoredRow[],
  ): Draft {
    const texts = this.sentenceTexts(base.document_id, [...en, ...zh]);
    const side = (ids: string[], lang: Lang) =>
      joinTexts(
        ids.map((id) => texts.get(id) ?? ''),
        lang,
      );
    const cutEnds = new Set(
      sources.filter(isTruncated).flatMap((row) => [idsOf(row, 'en').at(-1), idsOf(row, 'zh').at(-1)]),
    );
    return {
      pair_key: key,
      article: base.article,
      role: base.role,
      en_ids: en,
      zh_ids: zh,
      en: side(en, 'en'),
      zh: side(zh, 'zh'),
      status: 'auto',
      version: 1,
      truncated: [...en, ...zh].some((id) => cutEnds.has(id)),
    };
  }

  /** The key of a split's second part: the pipeline key of the pair and the next number free under it (`a0.body.5.2`). */
  private splitKey(row: StoredRow): string {
    const root = PIPELINE_KEY.exec(row.pair_key)?.[0] ?? row.pair_key;
    const taken = new Set(
      (
        this.db
          .prepare('SELECT pair_key FROM pairs WHERE document_id = ? AND substr(pair_key, 1, ?) = ?')
          .all(row.document_id, root.length + 1, `${root}.`) as { pair_key: string }[]
      ).map((other) => other.pair_key),
    );
    let n = 1;
    while (taken.has(`${root}.${n}`)) n++;
    return `${root}.${n}`;
  }

  private sentenceText(documentId: number, sentenceId: string): string {
    const found = this.sentenceTexts(documentId, [sentenceId]).get(sentenceId);
    if (found === undefined) throw new NotFoundError(`document ${documentId} has no sentence ${sentenceId}`);
    return found;
  }

  private sentenceTexts(documentId: number, ids: readonly string[]): Map<string, string> {
    const select = this.db.prepare('SELECT text FROM sentences WHERE document_id = ? AND sentence_id = ?');
    const texts = new Map<string, string>();
    for (const id of ids) {
      const row = select.get(documentId, id) as { text: string } | undefined;
      if (row) texts.set(id, row.text);
    }
    return texts;
  }

  /** Scores the drafts, then (in one transaction) checks the rows are unchanged and replaces them. */
  private async apply(
    documentId: number,
    kind: EditKind,
    who: string,
    removed: StoredRow[],
    drafts: Draft[],
    sentences: SentenceChange[] = [],
  ): Promise<EditOutcome> {
    // A confirmed pair keeps its score, as does a pair a re-alignment leaves as it was.
    const kept = new Map(removed.map((row) => [row.id, row.score]));
    const scores = await Promise.all(
      drafts.map((draft, k) => {
        if (kind === 'confirm') return (removed[k] as StoredRow).score;
        const unchanged = kind === 'realign' && draft.id !== undefined ? kept.get(draft.id) : undefined;
        return unchanged ?? scoreOf(draft.en, draft.zh);
      }),
    );
    return this.db
      .transaction(() => {
        for (const row of removed) this.current(row);
        for (const change of sentences) this.expectSentence(documentId, change.id, change.before);
        const rows = drafts.map((draft, k) => this.rowOf(documentId, draft, scores[k] ?? 0));
        const added = this.replaceRun(documentId, removed, rows);
        for (const change of sentences) this.setSentence(documentId, change.id, change.after);
        this.db
          .prepare(
            'INSERT INTO edits (document_id, at, who, kind, removed, added, sentences) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            documentId,
            new Date().toISOString(),
            who,
            kind,
            JSON.stringify(removed),
            JSON.stringify(added),
            JSON.stringify(sentences),
          );
        // A new edit ends the chain that redo could follow.
        this.db.prepare('DELETE FROM edits WHERE document_id = ? AND undone = 1').run(documentId);
        return { removed: removed.map((row) => row.id), rows: added, history: this.history(documentId) };
      })
      .immediate();
  }

  private rowOf(documentId: number, draft: Draft, score: number): Omit<StoredRow, 'position'> {
    const { truncated, id, ...content } = draft;
    return {
      ...content,
      id: id ?? 0,
      document_id: documentId,
      en_ids: JSON.stringify(draft.en_ids),
      zh_ids: JSON.stringify(draft.zh_ids),
      score,
      flags: JSON.stringify(flagsOf(draft.en, draft.zh, score, truncated)),
    };
  }

  /**
   * Puts rows in the place of a run of neighbouring rows: positions between the run's
   * neighbours, the document renumbered first when there is no room. A row with id 0 gets
   * a new id; any other keeps its own.
   */
  private replaceRun(
    documentId: number,
    run: readonly StoredRow[],
    rows: readonly Omit<StoredRow, 'position'>[],
  ): StoredRow[] {
    const first = run[0] as StoredRow;
    const last = run.at(-1) as StoredRow;
    const remove = this.db.prepare('DELETE FROM pairs WHERE id = ?');
    for (const row of run) remove.run(row.id);
    const positions = this.positionsBetween(documentId, first.position, last.position, rows.length);
    const insert = this.db.prepare(
      `INSERT INTO pairs (id, document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, status, version)
       VALUES (@id, @document_id, @position, @pair_key, @article, @role, @en, @zh, @en_ids, @zh_ids, @score, @flags, @status, @version)`,
    );
    return rows.map((row, k) => {
      const placed = { ...row, position: positions[k] as number };
      const id = Number(insert.run({ ...placed, id: row.id === 0 ? null : row.id }).lastInsertRowid);
      return { ...placed, id };
    });
  }

  /** `count` integer positions, in order, strictly between the rows around [from, to] (which are gone). */
  private positionsBetween(documentId: number, from: number, to: number, count: number): number[] {
    const previous = this.adjacent(documentId, from, 'previous');
    const next = this.adjacent(documentId, to, 'next');
    const room = POSITION_GAP * (count + 1);
    let below = previous?.position ?? (next ? next.position - room : from);
    let above = next?.position ?? below + room;
    if (previous && next && above - below <= count) {
      this.renumber(documentId);
      below = this.positionOf(previous.id);
      above = this.positionOf(next.id);
    }
    const step = Math.floor((above - below) / (count + 1));
    return Array.from({ length: count }, (_, k) => below + step * (k + 1));
  }

  private positionOf(rowId: number): number {
    return (this.db.prepare('SELECT position FROM pairs WHERE id = ?').get(rowId) as { position: number })
      .position;
  }

  /** Spreads a document's positions POSITION_GAP apart, in order (through negatives, as positions are unique). */
  private renumber(documentId: number): void {
    this.db.prepare('UPDATE pairs SET position = -1 - position WHERE document_id = ?').run(documentId);
    this.db
      .prepare(
        `UPDATE pairs SET position = ranked.k * ${POSITION_GAP}
         FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY position DESC) - 1 AS k FROM pairs WHERE document_id = ?) AS ranked
         WHERE pairs.id = ranked.id`,
      )
      .run(documentId);
  }

  private expectSentence(documentId: number, sentenceId: string, text: string): void {
    if (this.sentenceText(documentId, sentenceId) !== text) {
      throw new StaleEditError(
        `sentence ${sentenceId} has changed since the edit was made: reload and try again`,
      );
    }
  }

  /** Sets a sentence's text, in the sentence table and in its paragraph of the document model. */
  private setSentence(documentId: number, sentenceId: string, text: string): void {
    const { paragraph_path: path } = this.db
      .prepare('SELECT paragraph_path FROM sentences WHERE document_id = ? AND sentence_id = ?')
      .get(documentId, sentenceId) as { paragraph_path: string };
    const { paragraph } = this.db
      .prepare('SELECT json_extract(model, ?) AS paragraph FROM documents WHERE id = ?')
      .get(path, documentId) as { paragraph: string };
    const rebuilt = withSentenceText(JSON.parse(paragraph) as Paragraph, sentenceId, text);
    this.db
      .prepare('UPDATE documents SET model = json_set(model, ?, json(?)) WHERE id = ?')
      .run(path, JSON.stringify(rebuilt), documentId);
    this.db
      .prepare('UPDATE sentences SET text = ? WHERE document_id = ? AND sentence_id = ?')
      .run(text, documentId, sentenceId);
  }

  private step(
    documentId: number,
    direction: 'undo' | 'redo',
    expected?: number,
  ): EditOutcome & { done: boolean } {
    return this.db
      .transaction(() => {
        const history = this.history(documentId);
        const next = history[direction];
        if (expected !== undefined && expected !== next) {
          throw new StaleEditError(
            `the document's history has changed (the next ${direction} is ${next ?? 'none'}, not ${expected}): reload and try again`,
          );
        }
        if (next === null) return { done: false, removed: [], rows: [], history };
        const edit = this.db.prepare('SELECT * FROM edits WHERE id = ?').get(next) as {
          removed: string;
          added: string;
          sentences: string;
        };
        const undoing = direction === 'undo';
        const [goneJson, backJson] = undoing ? [edit.added, edit.removed] : [edit.removed, edit.added];
        const gone = (JSON.parse(goneJson) as StoredRow[]).map((row) => this.dependedOn(row, direction));
        const changes = JSON.parse(edit.sentences) as SentenceChange[];
        for (const change of changes)
          this.expectSentence(documentId, change.id, undoing ? change.after : change.before);
        // Versions only grow, so that a view holding a row's older state never matches it again.
        const newest = Math.max(...gone.map((row) => row.version));
        const back = (JSON.parse(backJson) as StoredRow[]).map(({ position: _, ...row }) => ({
          ...row,
          version: Math.max(newest, row.version) + 1,
        }));
        const restored = this.replaceRun(documentId, gone, back);
        for (const change of changes)
          this.setSentence(documentId, change.id, undoing ? change.before : change.after);
        this.renameVersions(documentId, JSON.parse(backJson) as StoredRow[], restored);
        this.db
          .prepare(`UPDATE edits SET undone = ?, ${undoing ? 'removed' : 'added'} = ? WHERE id = ?`)
          .run(undoing ? 1 : 0, JSON.stringify(restored), next);
        return {
          done: true,
          removed: gone.map((row) => row.id),
          rows: restored,
          history: this.history(documentId),
        };
      })
      .immediate();
  }

  /**
   * Restored rows come back under new versions: every record of the document that holds one
   * of them as it was (same id and old version) now names the new version, so that the
   * edits before and after it can still be undone and redone.
   */
  private renameVersions(documentId: number, recorded: StoredRow[], restored: StoredRow[]): void {
    const renamed = new Map(
      recorded.map((row, k) => [`${row.id}:${row.version}`, restored[k]?.version ?? row.version]),
    );
    const records = this.db
      .prepare('SELECT id, removed, added FROM edits WHERE document_id = ?')
      .all(documentId) as { id: number; removed: string; added: string }[];
    const update = this.db.prepare('UPDATE edits SET removed = ?, added = ? WHERE id = ?');
    const rename = (rows: StoredRow[]) =>
      rows.map((row) => ({ ...row, version: renamed.get(`${row.id}:${row.version}`) ?? row.version }));
    for (const record of records) {
      const removed = JSON.stringify(rename(JSON.parse(record.removed) as StoredRow[]));
      const added = JSON.stringify(rename(JSON.parse(record.added) as StoredRow[]));
      if (removed !== record.removed || added !== record.added) update.run(removed, added, record.id);
    }
  }

  /** A row an undo or redo takes away, as it is now; refused if a later change touched it. */
  private dependedOn(recorded: StoredRow, direction: 'undo' | 'redo'): StoredRow {
    const row = this.db.prepare('SELECT * FROM pairs WHERE id = ?').get(recorded.id) as StoredRow | undefined;
    if (!row || row.version !== recorded.version) {
      throw new StaleEditError(
        `cannot ${direction}: pair ${recorded.id} has changed since, and a later edit depends on it`,
      );
    }
    return row;
  }
}

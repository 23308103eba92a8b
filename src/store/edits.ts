import type Database from 'better-sqlite3';
import { BitextError } from '../errors.js';
import type { BilingualDocument, Lang, Sentence } from '../model/document.js';
import { flagsOf } from '../pipeline/flags.js';
import type { StoredRow } from './rows.js';

export type { StoredRow } from './rows.js';

/** An edit refused because the pair changed since the editor read it (another tab, say). */
export class StaleEditError extends BitextError {}

export type EditKind = 'merge' | 'split' | 'confirm' | 'move' | 'edit-text' | 'realign';

/** A pair row not yet stored: the store gives its id. */
export type NewRow = Omit<StoredRow, 'id'>;

interface SentenceChange {
  id: string;
  before: string;
  after: string;
}

function sentencesById(model: BilingualDocument): Map<string, Sentence> {
  const map = new Map<string, Sentence>();
  for (const article of model.articles) {
    for (const lang of ['en', 'zh'] as const) {
      for (const paragraph of article.paragraphs[lang])
        for (const sentence of paragraph.sentences) map.set(sentence.id, sentence);
    }
  }
  return map;
}

function joinTexts(ids: readonly string[], sentences: Map<string, Sentence>, lang: Lang): string {
  return ids.map((id) => sentences.get(id)?.text ?? '').join(lang === 'zh' ? '' : ' ');
}

/**
 * Edits of a document's pairs: merge with the next, split, confirm; each recorded with
 * who and when, the rows it removed and added, so that it can be undone and redone.
 * Every edit names the versions it saw, and is refused if a pair has changed since.
 */
export class PairEditor {
  constructor(private readonly db: Database.Database) {}

  private row(rowId: number): StoredRow {
    const row = this.db.prepare('SELECT * FROM pairs WHERE id = ?').get(rowId) as StoredRow | undefined;
    if (!row) throw new BitextError(`no pair with id ${rowId}`);
    return row;
  }

  private checkVersion(row: StoredRow, seen: number): void {
    if (row.version !== seen) {
      throw new StaleEditError(
        `pair ${row.id} has changed since it was read (version ${row.version}, not ${seen}): reload and try again`,
      );
    }
  }

  private model(documentId: number): BilingualDocument {
    const row = this.db.prepare('SELECT model FROM documents WHERE id = ?').get(documentId) as {
      model: string;
    };
    return JSON.parse(row.model) as BilingualDocument;
  }

  private insert(row: Omit<StoredRow, 'id'>): StoredRow {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO pairs (document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, status, version)
           VALUES (@document_id, @position, @pair_key, @article, @role, @en, @zh, @en_ids, @zh_ids, @score, @flags, @status, @version)`,
        )
        .run(row).lastInsertRowid,
    );
    return { ...row, id };
  }

  private record(
    documentId: number,
    who: string,
    kind: EditKind,
    removed: StoredRow[],
    added: StoredRow[],
    sentences: SentenceChange[] = [],
  ): void {
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
  }

  private replace(removed: readonly StoredRow[], added: readonly NewRow[]): StoredRow[] {
    for (const row of removed) this.db.prepare('DELETE FROM pairs WHERE id = ?').run(row.id);
    return added.map((row) => this.insert(row));
  }

  private rebuilt(
    base: StoredRow,
    enIds: string[],
    zhIds: string[],
    sentences: Map<string, Sentence>,
    position: number,
  ): Omit<StoredRow, 'id'> {
    const en = joinTexts(enIds, sentences, 'en');
    const zh = joinTexts(zhIds, sentences, 'zh');
    return {
      document_id: base.document_id,
      position,
      pair_key: base.pair_key,
      article: base.article,
      role: base.role,
      en,
      zh,
      en_ids: JSON.stringify(enIds),
      zh_ids: JSON.stringify(zhIds),
      score: base.score,
      flags: JSON.stringify(flagsOf(en, zh, base.score, false)),
      status: 'auto',
      version: base.version + 1,
    };
  }

  /** The pair before or after a row in its document, if it belongs to the same article and role. */
  private neighbour(row: StoredRow, direction: 'previous' | 'next'): StoredRow | undefined {
    const [comparison, order] = direction === 'next' ? ['>', 'ASC'] : ['<', 'DESC'];
    const other = this.db
      .prepare(
        `SELECT * FROM pairs WHERE document_id = ? AND position ${comparison} ? ORDER BY position ${order} LIMIT 1`,
      )
      .get(row.document_id, row.position) as StoredRow | undefined;
    return other && other.article === row.article && other.role === row.role ? other : undefined;
  }

  /**
   * Moves one sentence of a pair to its neighbour: the first sentence of a side to the
   * previous pair, or the last to the next. A pair left with no sentence is removed.
   */
  moveSentence(
    rowId: number,
    seenVersion: number,
    lang: Lang,
    direction: 'previous' | 'next',
    who: string,
  ): StoredRow[] {
    return this.db.transaction(() => {
      const row = this.row(rowId);
      this.checkVersion(row, seenVersion);
      const other = this.neighbour(row, direction);
      const key = lang === 'en' ? 'en_ids' : 'zh_ids';
      const ids = JSON.parse(row[key]) as string[];
      if (!other || ids.length === 0)
        throw new BitextError(`pair ${rowId} has no ${lang} sentence to move to a ${direction} pair`);
      const moved = (direction === 'next' ? ids.at(-1) : ids[0]) as string;
      const rest = direction === 'next' ? ids.slice(0, -1) : ids.slice(1);
      const otherIds = JSON.parse(other[key]) as string[];
      const received = direction === 'next' ? [moved, ...otherIds] : [...otherIds, moved];
      const sentences = sentencesById(this.model(row.document_id));
      const withSide = (target: StoredRow, replacement: string[]) =>
        this.rebuilt(
          target,
          key === 'en_ids' ? replacement : (JSON.parse(target.en_ids) as string[]),
          key === 'zh_ids' ? replacement : (JSON.parse(target.zh_ids) as string[]),
          sentences,
          target.position,
        );
      const rebuiltRow = withSide(row, rest);
      const rebuiltOther = withSide(other, received);
      const keep = [
        rebuiltOther,
        ...(rebuiltRow.en_ids === '[]' && rebuiltRow.zh_ids === '[]' ? [] : [rebuiltRow]),
      ];
      const added = this.replace([row, other], keep);
      this.record(row.document_id, who, 'move', [row, other], added);
      return added;
    })();
  }

  /** Corrects the text of a sentence (an extraction error, say); the pairs that hold it follow. */
  editSentence(documentId: number, sentenceId: string, text: string, who: string): StoredRow[] {
    return this.db.transaction(() => {
      const model = this.model(documentId);
      const sentence = sentencesById(model).get(sentenceId);
      if (!sentence) throw new BitextError(`document ${documentId} has no sentence ${sentenceId}`);
      if (text.trim() === '')
        throw new BitextError('a sentence cannot be made empty: merge or move it instead');
      const change = { id: sentenceId, before: sentence.text, after: text };
      sentence.text = text;
      this.db.prepare('UPDATE documents SET model = ? WHERE id = ?').run(JSON.stringify(model), documentId);
      const holders = (
        this.db.prepare('SELECT * FROM pairs WHERE document_id = ?').all(documentId) as StoredRow[]
      ).filter((row) => row.en_ids.includes(`"${sentenceId}"`) || row.zh_ids.includes(`"${sentenceId}"`));
      const sentences = sentencesById(model);
      const added = this.replace(
        holders,
        holders.map((row) => ({
          ...this.rebuilt(row, JSON.parse(row.en_ids), JSON.parse(row.zh_ids), sentences, row.position),
          status: row.status,
        })),
      );
      this.record(documentId, who, 'edit-text', holders, added, [change]);
      return added;
    })();
  }

  /** Merges a pair with the one after it in the same article. */
  mergeWithNext(rowId: number, seenVersion: number, who: string): StoredRow {
    return this.db.transaction(() => {
      const first = this.row(rowId);
      this.checkVersion(first, seenVersion);
      const next = this.neighbour(first, 'next');
      if (!next) {
        throw new BitextError(`pair ${rowId} has no next pair of the same kind to merge with`);
      }
      const sentences = sentencesById(this.model(first.document_id));
      const enIds = [...(JSON.parse(first.en_ids) as string[]), ...(JSON.parse(next.en_ids) as string[])];
      const zhIds = [...(JSON.parse(first.zh_ids) as string[]), ...(JSON.parse(next.zh_ids) as string[])];
      const merged = {
        ...this.rebuilt(first, enIds, zhIds, sentences, first.position),
        score: Math.min(first.score, next.score),
      };
      const [added] = this.replace([first, next], [merged]);
      this.record(first.document_id, who, 'merge', [first, next], [added as StoredRow]);
      return added as StoredRow;
    })();
  }

  /** Splits a pair in two: its first `enCount` English and `zhCount` Chinese sentences, and the rest. */
  split(rowId: number, seenVersion: number, enCount: number, zhCount: number, who: string): StoredRow[] {
    return this.db.transaction(() => {
      const row = this.row(rowId);
      this.checkVersion(row, seenVersion);
      const enIds = JSON.parse(row.en_ids) as string[];
      const zhIds = JSON.parse(row.zh_ids) as string[];
      const inRange = (count: number, total: number) =>
        Number.isInteger(count) && count >= 0 && count <= total;
      const empty = enCount + zhCount === 0 || enCount + zhCount === enIds.length + zhIds.length;
      if (!inRange(enCount, enIds.length) || !inRange(zhCount, zhIds.length) || empty) {
        throw new BitextError(
          `pair ${rowId} cannot be split after ${enCount} English and ${zhCount} Chinese sentences`,
        );
      }
      const next = this.db
        .prepare(
          'SELECT position FROM pairs WHERE document_id = ? AND position > ? ORDER BY position LIMIT 1',
        )
        .get(row.document_id, row.position) as { position: number } | undefined;
      const sentences = sentencesById(this.model(row.document_id));
      const secondPosition = next ? (row.position + next.position) / 2 : row.position + 1;
      const parts = [
        this.rebuilt(row, enIds.slice(0, enCount), zhIds.slice(0, zhCount), sentences, row.position),
        {
          ...this.rebuilt(row, enIds.slice(enCount), zhIds.slice(zhCount), sentences, secondPosition),
          pair_key: `${row.pair_key}+`,
        },
      ];
      const added = this.replace([row], parts);
      this.record(row.document_id, who, 'split', [row], added);
      return added;
    })();
  }

  /**
   * Replaces stretches of a document's pairs by new ones, all in one edit that one undo
   * reverts (re-alignment). Refused if any pair changed since it was read.
   */
  replaceStretches(
    documentId: number,
    stretches: readonly { removed: readonly StoredRow[]; added: readonly NewRow[] }[],
    who: string,
  ): StoredRow[] {
    return this.db.transaction(() => {
      const removed = stretches.flatMap((stretch) => stretch.removed);
      for (const row of removed) this.checkVersion(this.row(row.id), row.version);
      const added = this.replace(
        removed,
        stretches.flatMap((stretch) => stretch.added),
      );
      this.record(documentId, who, 'realign', removed, added);
      return added;
    })();
  }

  /** Marks a pair as checked by a person; it keeps its id. */
  confirm(rowId: number, seenVersion: number, who: string): StoredRow {
    return this.db.transaction(() => {
      const row = this.row(rowId);
      this.checkVersion(row, seenVersion);
      const confirmed: StoredRow = { ...row, status: 'confirmed', version: row.version + 1 };
      this.db
        .prepare("UPDATE pairs SET status = 'confirmed', version = ? WHERE id = ?")
        .run(confirmed.version, row.id);
      this.record(row.document_id, who, 'confirm', [row], [confirmed]);
      return confirmed;
    })();
  }

  /** Undoes the latest edit of a document still in force; false when there is none. */
  undo(documentId: number): boolean {
    return this.step(documentId, 'undo');
  }

  /** Redoes the latest undone edit of a document; false when there is none. */
  redo(documentId: number): boolean {
    return this.step(documentId, 'redo');
  }

  private step(documentId: number, direction: 'undo' | 'redo'): boolean {
    return this.db.transaction(() => {
      const undoing = direction === 'undo';
      const edit = this.db
        .prepare(
          `SELECT * FROM edits WHERE document_id = ? AND undone = ? ORDER BY id ${undoing ? 'DESC' : 'ASC'} LIMIT 1`,
        )
        .get(documentId, undoing ? 0 : 1) as
        | { id: number; removed: string; added: string; sentences: string }
        | undefined;
      if (!edit) return false;
      const changes = JSON.parse(edit.sentences) as SentenceChange[];
      if (changes.length > 0) {
        const model = this.model(documentId);
        const byId = sentencesById(model);
        for (const change of changes) {
          const sentence = byId.get(change.id);
          if (sentence) sentence.text = undoing ? change.before : change.after;
        }
        this.db.prepare('UPDATE documents SET model = ? WHERE id = ?').run(JSON.stringify(model), documentId);
      }
      const [gone, back] = undoing ? [edit.added, edit.removed] : [edit.removed, edit.added];
      for (const row of JSON.parse(gone) as StoredRow[])
        this.db.prepare('DELETE FROM pairs WHERE id = ?').run(row.id);
      for (const row of JSON.parse(back) as StoredRow[]) {
        this.db
          .prepare(
            `INSERT INTO pairs (id, document_id, position, pair_key, article, role, en, zh, en_ids, zh_ids, score, flags, status, version)
             VALUES (@id, @document_id, @position, @pair_key, @article, @role, @en, @zh, @en_ids, @zh_ids, @score, @flags, @status, @version)`,
          )
          .run(row);
      }
      this.db.prepare('UPDATE edits SET undone = ? WHERE id = ?').run(undoing ? 1 : 0, edit.id);
      return true;
    })();
  }
}

import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { type Evaluation, evaluateFolders, readVerses, type Scores } from '../eval/index.js';

export interface EvalOptions {
  gold: string;
  auto: string;
  verse?: [string, string];
  json?: boolean;
}

function row(name: string, scores: Scores): string {
  const cells = [scores.precision, scores.recall, scores.f1].map((value) => value.toFixed(3).padStart(9));
  return `${name.padEnd(8)}${cells.join('')}${String(scores.correct).padStart(9)}${String(scores.auto).padStart(7)}${String(scores.gold).padStart(7)}`;
}

export function evaluationReport(evaluation: Evaluation): string {
  const header = `${'file'.padEnd(8)}${['precision', 'recall', 'F1'].map((h) => h.padStart(9)).join('')}${'correct'.padStart(9)}${'auto'.padStart(7)}${'gold'.padStart(7)}`;
  const lines = [
    header,
    ...evaluation.files.map((file) => row(file.id, file.scores)),
    row('all', evaluation.total),
  ];
  return `${lines.join('\n')}\n`;
}

/** `--gold` and `--auto` name folders: a file or a missing path there is a usage error. */
function checkFolder(option: string, path: string): void {
  if (!existsSync(path)) throw new UsageError(`${option} ${path}: no such folder`);
  if (!statSync(path).isDirectory())
    throw new UsageError(`${option} ${path}: is a file, but ${option} takes a folder of ID.align files`);
}

/** `bitext eval`: strict bead precision, recall and F1, over all files and per file. */
export function runEval(options: EvalOptions): void {
  checkFolder('--gold', options.gold);
  checkFolder('--auto', options.auto);
  const verses = options.verse
    ? { source: readVerses(options.verse[0]), target: readVerses(options.verse[1]) }
    : undefined;
  const evaluation = evaluateFolders(options.gold, options.auto, verses);
  process.stdout.write(
    options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : evaluationReport(evaluation),
  );
}

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

/** `bitext eval`: strict bead precision, recall and F1, over all files and per file. */
export function runEval(options: EvalOptions): void {
  const verses = options.verse
    ? { source: readVerses(options.verse[0]), target: readVerses(options.verse[1]) }
    : undefined;
  const evaluation = evaluateFolders(options.gold, options.auto, verses);
  process.stdout.write(
    options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : evaluationReport(evaluation),
  );
}

import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { BitextError, UsageError } from '../errors.js';
import { FORMAT_NAMES, type Format } from '../export/index.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { type Lang, PAIR_ROLES } from '../model/document.js';
import type { AlignCommandOptions } from './align.js';
import type { AlignSentsOptions } from './align-sents.js';
import { DEFAULT_DATABASE, databaseOption } from './open-store.js';
import { parseCount, parsePath, parsePositiveInt, parseRoles, parseScore } from './options.js';
import { enqueueCommand, statusCommand, workerCommand } from './queue.js';
import type { SearchCommandOptions } from './search.js';
import { serveCommand } from './serve.js';

/*
 * Each command imports what it runs when it runs: `bitext align-sents` never loads the
 * PDF reader, the web server or SQLite, and starts in a fraction of the time.
 */

const SENTENCE_FORMATS = ['align', 'tsv', 'jsonl'] as const;

const READERS: ReaderChoice[] = ['auto', 'magazine', 'pair', 'presplit'];
/** More worker threads than this only add memory. */
const MAX_JOBS = 64;

/** `--jobs`: worker threads for the work `what` describes, by default one a core (at most four). */
function jobsOption(what: string): Option {
  return new Option('--jobs <n>', `${what}, in worker threads`)
    .argParser(parsePositiveInt(MAX_JOBS))
    .default(Math.max(1, Math.min(4, availableParallelism())));
}
/** The most pairs one page of search results holds. */
const MAX_SEARCH_LIMIT = 10_000;

/** Exit codes: 0 all went well, 1 some input failed, 2 the command line is wrong, 70 a bug. */
const EXIT = { ok: 0, inputFailed: 1, usage: 2, internal: 70 } as const;

function readerOption(): Option {
  return new Option('--reader <kind>', 'how to read the input').choices(READERS).default('auto');
}

function reportFailures(failures: readonly BitextError[]): void {
  for (const failure of failures) process.stderr.write(`bitext: ${failure.oneLine}\n`);
}

function inspectCommand(): Command {
  return new Command('inspect')
    .description(
      'show the structure bitext reads in documents: contents, articles, headers, counts, warnings',
    )
    .argument('<files...>', 'a bilingual document, or English and Chinese files (x.en.txt x.zh.txt)')
    .option('--json', 'print the document model as JSON')
    .addOption(readerOption())
    .action(async (files: string[], options: { json?: boolean; reader: ReaderChoice }) => {
      const { readDocuments } = await import('../read.js');
      const { inspectReport } = await import('./inspect.js');
      const { documents, failures } = await readDocuments(files, options.reader);
      if (options.json) {
        const json = documents.length === 1 ? documents[0] : documents;
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        process.stdout.write(documents.map(inspectReport).join('\n'));
      }
      reportFailures(failures);
      if (failures.length > 0) process.exitCode = EXIT.inputFailed;
    });
}

const LANGS: Lang[] = ['zh', 'en'];

function alignSentsCommand(): Command {
  return new Command('align-sents')
    .description('align two files of one sentence per line, or every ID.<src> with ID.<tgt> in a folder')
    .argument('<source>', 'source sentences, or a folder of them')
    .argument('[target]', 'target sentences (omit when aligning a folder)')
    .addOption(new Option('--src-lang <lang>', 'language of the source').choices(LANGS).makeOptionMandatory())
    .addOption(new Option('--tgt-lang <lang>', 'language of the target').choices(LANGS).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'output format').choices(SENTENCE_FORMATS).default('align'))
    .option(
      '-o, --output <path>',
      'output file (a folder when aligning a folder); stdout otherwise',
      parsePath,
    )
    .option('--force', 'replace output files that exist')
    .addOption(jobsOption('file pairs of a folder aligned in parallel'))
    .action(async (source: string, target: string | undefined, options: AlignSentsOptions) => {
      const { alignSentenceFolder, alignSentencePair } = await import('./align-sents.js');
      if (target !== undefined) return alignSentencePair(source, target, options);
      if (!existsSync(source) || !statSync(source).isDirectory()) {
        throw new UsageError('needs a target file, or is not a folder to align', source);
      }
      const { written, failures } = await alignSentenceFolder(source, options);
      for (const failure of failures) process.stderr.write(`bitext: ${failure}\n`);
      process.stderr.write(
        `bitext: aligned ${written.length} file pairs into ${options.output}${failures.length ? `, ${failures.length} failed` : ''}\n`,
      );
      if (failures.length > 0) process.exitCode = EXIT.inputFailed;
    });
}

function alignCommand(): Command {
  return new Command('align')
    .description('read documents, recover their structure and align them into bitext files')
    .argument('<inputs...>', 'documents, pairs of x.en.txt and x.zh.txt, or folders of them')
    .option('-o, --output <path>', 'output folder (or file, for one document)', parsePath, 'bitext-out')
    .addOption(new Option('--to <format>', 'output format').choices(FORMAT_NAMES).default('jsonl'))
    .option('--min-score <score>', 'leave out pairs scoring below this (0 to 1)', parseScore)
    .option(
      '--roles <roles>',
      `only pairs with these roles, comma-separated (${PAIR_ROLES.join(', ')})`,
      parseRoles,
    )
    .addOption(jobsOption('documents aligned in parallel (or the articles of one long document)'))
    .option('--force', 'replace output files that exist')
    .addOption(readerOption())
    .addOption(
      new Option('--src-lang <lang>', 'source language of translation units (TMX, XLIFF)')
        .choices(LANGS)
        .default('zh'),
    )
    .action(async (inputs: string[], options: AlignCommandOptions) => {
      const { runAlignCommand } = await import('./align.js');
      if (!(await runAlignCommand(inputs, options))) process.exitCode = EXIT.inputFailed;
    });
}

function importCommand(): Command {
  return new Command('import')
    .description('read and align documents into the corpus store')
    .argument('<inputs...>', 'documents, pairs of x.en.txt and x.zh.txt, or folders of them')
    .addOption(databaseOption())
    .addOption(readerOption())
    .addOption(jobsOption('the articles of a long document aligned in parallel'))
    .action(async (inputs: string[], options: { db: string; reader: ReaderChoice; jobs: number }) => {
      const { importDocuments } = await import('./store.js');
      const failures = await importDocuments(inputs, options.db, {
        reader: options.reader,
        jobs: options.jobs,
      });
      for (const failure of failures) process.stderr.write(`bitext: ${failure}\n`);
      if (failures.length > 0) process.exitCode = EXIT.inputFailed;
    });
}

function exportCommand(): Command {
  return new Command('export')
    .description('write documents of the corpus store, as reviewed, in any format')
    .addOption(databaseOption())
    .addOption(
      new Option('--to <format>', "output format (default: the output file's extension, or tmx)").choices(
        FORMAT_NAMES,
      ),
    )
    .option(
      '-o, --output <path>',
      'one file for every document (corpus.tmx, .tsv, .jsonl, .xlf), or a folder of a file each',
      parsePath,
      'bitext-out',
    )
    .option('--document <names...>', 'only these documents (name or id)')
    .option('--min-score <score>', 'leave out pairs scoring below this (0 to 1)', parseScore)
    .option('--force', 'replace output files that exist')
    .addOption(
      new Option('--src-lang <lang>', 'source language of translation units (TMX, XLIFF)')
        .choices(LANGS)
        .default('zh'),
    )
    .action(
      async (options: {
        db: string;
        to?: Format;
        output: string;
        document?: string[];
        minScore?: number;
        force?: boolean;
        srcLang: Lang;
      }) => {
        const { exportDocuments } = await import('./store.js');
        const { written, failures } = await exportDocuments({
          database: options.db,
          ...(options.to ? { format: options.to } : {}),
          output: options.output,
          force: options.force ?? false,
          sourceLang: options.srcLang,
          ...(options.document ? { documents: options.document } : {}),
          ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
        });
        for (const failure of failures) process.stderr.write(`bitext: ${failure}\n`);
        const files = written.length === 1 ? '1 file' : `${written.length} files`;
        process.stderr.write(`bitext: wrote ${files} to ${options.output}\n`);
        if (failures.length > 0) process.exitCode = EXIT.inputFailed;
      },
    );
}

function searchCommand(): Command {
  return new Command('search')
    .description('find pairs by English words (whole words, any case), "quoted phrases" or Chinese text')
    .argument('<query>', 'words and "phrases" in English or Chinese; a pair must hold every one')
    .addOption(databaseOption())
    .option('--stem', 'match English words by stem: right finds rights')
    .option('--document <name>', 'only this document (name or id)')
    .addOption(new Option('--role <role>', 'only pairs with this role').choices(PAIR_ROLES))
    .option('--offset <n>', 'pairs to skip, for the next page', parseCount, 0)
    .option('--limit <n>', 'the most pairs to print', parsePositiveInt(MAX_SEARCH_LIMIT), 50)
    .option('--json', 'print the page as JSON, with the spans of matches and spotted translations')
    .action(async (query: string, options: SearchCommandOptions) => {
      const { runSearchCommand } = await import('./search.js');
      await runSearchCommand(query, options);
    });
}

function realignCommand(): Command {
  return new Command('realign')
    .description('align a stored document again around its confirmed pairs, as one undoable edit')
    .option('--db <file>', 'the corpus store', parsePath, DEFAULT_DATABASE)
    .requiredOption('--document <name>', 'the document (name or id)')
    .action(async (options: { db: string; document: string }) => {
      const { runRealignCommand } = await import('./realign.js');
      process.stderr.write(await runRealignCommand(options));
    });
}

function evalCommand(): Command {
  return new Command('eval')
    .description('score alignments against gold ones: strict bead precision, recall and F1')
    .requiredOption('--gold <dir>', 'folder of gold ID.align files')
    .requiredOption('--auto <dir>', 'folder of ID.align files to score')
    .option('--verse <files...>', 'source and target verse files: merge beads within one verse first')
    .option('--json', 'print the scores as JSON')
    .action(async (options: { gold: string; auto: string; verse?: string[]; json?: boolean }) => {
      const { runEval } = await import('./eval.js');
      if (options.verse && options.verse.length !== 2)
        throw new UsageError('--verse takes two files: SRC_VERSE TGT_VERSE');
      const verse = options.verse ? (options.verse as [string, string]) : undefined;
      runEval({
        gold: options.gold,
        auto: options.auto,
        ...(verse ? { verse } : {}),
        ...(options.json ? { json: true } : {}),
      });
    });
}

/** Commander's messages go to stderr; its errors read like bitext's own (`bitext: option …`). */
const OUTPUT = {
  writeErr: (text: string) => process.stderr.write(text),
  outputError: (text: string, write: (text: string) => void) =>
    write(`bitext: ${text.replace(/^error: /, '')}`),
};

export function buildProgram(): Command {
  const program = new Command('bitext')
    .description('Turn bilingual Chinese–English documents into clean, aligned parallel text.')
    .exitOverride()
    .configureOutput(OUTPUT);
  for (const command of [
    inspectCommand(),
    alignCommand(),
    importCommand(),
    exportCommand(),
    searchCommand(),
    realignCommand(),
    serveCommand(DEFAULT_DATABASE),
    alignSentsCommand(),
    evalCommand(),
    enqueueCommand(readerOption(), (failures) => {
      for (const failure of failures) process.stderr.write(`bitext: ${failure}\n`);
      if (failures.length > 0) process.exitCode = EXIT.inputFailed;
    }),
    workerCommand(),
    statusCommand(),
  ]) {
    program.addCommand(command.exitOverride().configureOutput(OUTPUT));
  }
  return program;
}

/**
 * A reader that stops reading (`bitext search x | head`) ends the output quietly, with
 * the command's own exit code; output that cannot be written (`> /dev/full`) is one line
 * and exit 1. Without this, Node reports an unhandled 'error' event with a stack trace.
 */
function guardStandardOutput(): void {
  if (process.stdout.listeners('error').includes(onOutputError)) return;
  process.stdout.on('error', onOutputError);
  // Messages to a closed or full standard error are lost; there is nowhere left to say so.
  process.stderr.on('error', () => undefined);
}

let outputFailed = false;

function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || outputFailed) return;
  outputFailed = true;
  const reason = error.code === 'ENOSPC' ? 'no space left on the device' : (error.code ?? error.message);
  process.stderr.write(`bitext: the output cannot be written: ${reason}\n`);
  process.exitCode = EXIT.inputFailed;
}

/** A bug, not bad input: one line for the user, the whole stack with BITEXT_DEBUG=1. */
function reportInternalError(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `bitext: internal error: ${detail.split('\n')[0]} (rerun with BITEXT_DEBUG=1 for details)\n`,
  );
  if (process.env.BITEXT_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = EXIT.internal;
}

/** Runs the CLI; every expected failure ends as one line on stderr and an exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  guardStandardOutput();
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof BitextError) {
      process.stderr.write(`bitext: ${error.oneLine}\n`);
      process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.inputFailed;
      return;
    }
    reportInternalError(error);
  }
}

import { Command, CommanderError, Option } from 'commander';
import { BitextError } from '../errors.js';
import type { ReaderChoice } from '../ingest/inputs.js';
import { readDocuments } from '../read.js';
import { inspectReport } from './inspect.js';

const READERS: ReaderChoice[] = ['auto', 'magazine', 'pair', 'presplit'];

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
    .action((files: string[], options: { json?: boolean; reader: ReaderChoice }) => {
      const { documents, failures } = readDocuments(files, options.reader);
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

export function buildProgram(): Command {
  const program = new Command('bitext')
    .description('Turn bilingual Chinese–English documents into clean, aligned parallel text.')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const command of [inspectCommand()]) {
    program.addCommand(
      command.exitOverride().configureOutput({ writeErr: (text) => process.stderr.write(text) }),
    );
  }
  return program;
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
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof BitextError) {
      process.stderr.write(`bitext: ${error.oneLine}\n`);
      process.exitCode = EXIT.inputFailed;
      return;
    }
    reportInternalError(error);
  }
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputExistsError, writeFileAtomic } from '../../src/index.js';

const folder = mkdtempSync(join(tmpdir(), 'bitext-atomic-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('writing an output file through the library', () => {
  it('refuses a file that exists with an error that names no command-line option, and replaces it when forced', () => {
    const path = join(folder, 'corpus.tsv');
    writeFileAtomic(path, 'first\n');
    const refusal = (() => {
      try {
        writeFileAtomic(path, 'second\n');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(OutputExistsError);
    expect(refusal).toMatchObject({ message: 'already exists', file: path, status: 409 });
    expect((refusal as OutputExistsError).oneLine).toBe(
      `${path}: already exists (use --force to replace it)`,
    );
    writeFileAtomic(path, 'second\n', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('second\n');
  });

  it('never writes over an input, forced or not', () => {
    const input = join(folder, 'input.txt');
    writeFileSync(input, 'the text');
    expect(() => writeFileAtomic(input, 'x', { force: true, inputs: [input] })).toThrow(
      /is one of the inputs/,
    );
    expect(readFileSync(input, 'utf8')).toBe('the text');
  });
});

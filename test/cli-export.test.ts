import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';

function bitext(...args: string[]) {
  const run = spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const DOCUMENTS = ['test/fixtures/magazine/harbour-review.md', 'test/fixtures/magazine/coastal-notes.md'];

describe('bitext export into one file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-export-'));
  const db = join(dir, 'corpus.db');
  beforeAll(() => {
    const imported = bitext('import', ...DOCUMENTS, '--db', db);
    expect(imported.status, imported.stderr).toBe(0);
  });
  const exportTo = (...args: string[]) => {
    const run = bitext('export', '--db', db, ...args);
    expect(run.status, run.stderr).toBe(0);
    return run;
  };

  it('-o corpus.tmx writes one TMX holding both documents, with a complete header', () => {
    const out = join(dir, 'corpus.tmx');
    expect(exportTo('-o', out).stderr).toBe(`bitext: wrote 1 file to ${out}\n`);
    const text = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const tmx = xml.parse(text).tmx;
    expect(tmx.header).toEqual({
      '@creationtool': 'bitext',
      '@creationtoolversion': expect.any(String),
      '@segtype': 'sentence',
      '@o-tmf': 'bitext',
      '@adminlang': 'en',
      '@srclang': 'zh-CN',
      '@datatype': 'plaintext',
    });
    const units = tmx.body.tu as {
      prop: { '@type': string; '#text': string }[];
      tuv: { '@xml:lang': string }[];
    }[];
    const documents = new Set(
      units.map((unit) => unit.prop.find((p) => p['@type'] === 'x-document')?.['#text']),
    );
    expect(documents).toEqual(new Set(['harbour-review', 'coastal-notes']));
    expect(units.every((unit) => unit.tuv.map((tuv) => tuv['@xml:lang']).join() === 'zh-CN,en')).toBe(true);
  });

  it('-o corpus.xlf writes one XLIFF with a file element per document', () => {
    const out = join(dir, 'corpus.xlf');
    exportTo('-o', out, '--src-lang', 'en');
    const files = xml.parse(readFileSync(out, 'utf8')).xliff.file as Record<string, string>[];
    expect(files.map((file) => file['@original'])).toEqual(['harbour-review', 'coastal-notes']);
    expect(files.map((file) => [file['@source-language'], file['@target-language']])).toEqual([
      ['en', 'zh-CN'],
      ['en', 'zh-CN'],
    ]);
  });

  it('-o corpus.tsv and corpus.jsonl hold every document, and --document picks some', () => {
    exportTo('-o', join(dir, 'corpus.tsv'));
    const tsvDocuments = readFileSync(join(dir, 'corpus.tsv'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[5]);
    expect(new Set(tsvDocuments)).toEqual(new Set(['harbour-review', 'coastal-notes']));
    exportTo('-o', join(dir, 'one.jsonl'), '--document', 'coastal-notes');
    const rows = readFileSync(join(dir, 'one.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).doc);
    expect(new Set(rows)).toEqual(new Set(['coastal-notes']));
  });

  it('-o DIR still writes a file per document', () => {
    const out = join(dir, 'folder');
    exportTo('-o', out, '--to', 'xliff');
    expect(readdirSync(out).sort()).toEqual(['coastal-notes.xlf', 'harbour-review.xlf']);
  });

  it('refuses an extension that contradicts --to, and an existing file without --force', () => {
    const clash = bitext('export', '--db', db, '-o', join(dir, 'x.tmx'), '--to', 'tsv');
    expect(clash.status).toBe(1);
    expect(clash.stderr).toBe(`bitext: ${join(dir, 'x.tmx')}: names a tmx file, but --to asks for tsv\n`);
    const again = bitext('export', '--db', db, '-o', join(dir, 'corpus.tmx'));
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/corpus\.tmx: already exists \(use --force to replace it\)/);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** Debian's OmegaT (package `omegat`), run headless in console mode. */
const OMEGAT_JAR = '/usr/share/omegat/OmegaT.jar';
const installed = existsSync(OMEGAT_JAR);

function bitext(...args: string[]) {
  const run = spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** An OmegaT project translating English into Simplified Chinese, one segment a paragraph. */
const PROJECT_SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>ZH-CN</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;

function makeProject(root: string): string {
  const project = join(root, 'project');
  for (const folder of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat'])
    mkdirSync(join(project, folder), { recursive: true });
  writeFileSync(join(project, 'omegat.project'), PROJECT_SETTINGS);
  return project;
}

/** Console translation: OmegaT loads the project, fills segments from tm/auto and writes target/. */
function translateWithOmegat(project: string, configDir: string): void {
  const run = spawnSync(
    'java',
    [
      '-Djava.awt.headless=true',
      '-jar',
      OMEGAT_JAR,
      '--mode=console-translate',
      `--config-dir=${configDir}`,
      '--disable-project-locking',
      '--no-team',
      '--quiet',
      project,
    ],
    { encoding: 'utf8', env: { ...process.env, DISPLAY: '' }, timeout: 120_000 },
  );
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}

const UNTRANSLATED = 'This closing sentence was never aligned by bitext.';

describe.skipIf(!installed && !process.env.CI)('OmegaT reads bitext TMX', () => {
  beforeAll(() => {
    if (!installed) throw new Error(`OmegaT is not installed (${OMEGAT_JAR}): apt-get install omegat`);
  });

  it('fills the Chinese of every segment bitext aligned, and leaves the rest in English', () => {
    const root = mkdtempSync(join(tmpdir(), 'bitext-omegat-'));
    const db = join(root, 'corpus.db');
    bitext(
      'import',
      'test/fixtures/magazine/harbour-review.md',
      'test/fixtures/magazine/coastal-notes.md',
      '--db',
      db,
    );
    const project = makeProject(root);
    bitext('export', '--db', db, '-o', join(project, 'tm/auto/corpus.tmx'));
    bitext('export', '--db', db, '--document', 'coastal-notes', '-o', join(root, 'pairs.jsonl'));
    const pairs = readFileSync(join(root, 'pairs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { en: string; zh: string })
      .filter((pair) => pair.en !== '' && pair.zh !== '');
    expect(pairs.length).toBeGreaterThan(10);
    const paragraphs = (texts: string[]) => `${texts.join('\n\n')}\n`;
    writeFileSync(
      join(project, 'source/coastal-notes.txt'),
      paragraphs([...pairs.map((pair) => pair.en), UNTRANSLATED]),
    );

    translateWithOmegat(project, join(root, 'omegat-config'));

    const target = readFileSync(join(project, 'target/coastal-notes.txt'), 'utf8');
    expect(target).toBe(paragraphs([...pairs.map((pair) => pair.zh), UNTRANSLATED]));
  });
});

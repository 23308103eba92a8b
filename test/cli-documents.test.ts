import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../scripts/fixture-docx.js';
import { buildPdf, buildScannedPdf, cjkFontsInstalled } from '../scripts/fixture-pdf.js';
import type { BilingualDocument } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import { unavailable } from './requirements.js';

function bitext(...args: string[]) {
  const run = spawnSync('node', ['bin/bitext.js', ...args], { encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

const dir = mkdtempSync(join(tmpdir(), 'bitext-documents-'));
const inputs = join(dir, 'in');
const write = (name: string, content: Buffer | string) => {
  const path = join(inputs, name);
  writeFileSync(path, content, { flag: 'w' });
  return path;
};

describe.skipIf(unavailable({ 'CJK fonts (fonts-noto-cjk)': cjkFontsInstalled() }))(
  'bitext align on PDF and Word files',
  () => {
    let pdf: string;
    let docx: string;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    beforeAll(async () => {
      mkdirSync(inputs, { recursive: true });
      const [plain] = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents as [
        BilingualDocument,
      ];
      pdf = write('review.pdf', (await buildPdf(plain, 'two-columns')).both as Buffer);
      docx = write('review.docx', (await buildDocx(plain, 'table')).both as Buffer);
    });

    it('writes a valid TMX from a bilingual PDF, titles and headers included', () => {
      const out = join(dir, 'tmx');
      const result = bitext('align', pdf, '--to', 'tmx', '-o', out);
      expect(result.status, result.stderr).toBe(0);
      const text = readFileSync(join(out, 'review.tmx'), 'utf8');
      expect(XMLValidator.validate(text)).toBe(true);
      const units = new XMLParser().parse(text).tmx.body.tu as { tuv: { seg: string }[] }[];
      const segments = units.map((unit) => unit.tuv.map((variant) => variant.seg));
      expect(segments).toContainEqual([
        '会呼吸的港口：携手建设更绿色的港湾',
        'Ports That Breathe: Building a Greener Harbour Together',
      ]);
      expect(segments).toContainEqual(['2025年3月18日', 'March 18, 2025']);
    });

    it('shows the structure of a Word file with bitext inspect', () => {
      const result = bitext('inspect', docx);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Article 0: Ports That Breathe.* \| 会呼吸的港口/);
      expect(result.stdout).toMatch(/date: March 18, 2025 \| 2025年3月18日/);
    });

    it('places a warning in a PDF by its page', () => {
      const result = bitext('inspect', pdf);
      expect(result.stdout).toMatch(
        /warning \[truncated\] the Chinese text stops mid-sentence at .*review\.pdf:\d+, page \d+\)/,
      );
    });

    it('aligns a folder of PDF and Word files, goes on past files it cannot read, and names each', async () => {
      const scanned = write('scan.pdf', await buildScannedPdf());
      const damaged = write('damaged.pdf', readFileSync(pdf).subarray(0, 2000));
      const oldWord = join(dir, 'old.doc');
      writeFileSync(oldWord, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      const out = join(dir, 'batch');
      const result = bitext('align', inputs, oldWord, '--to', 'jsonl', '-o', out, '--jobs', '2');
      expect(result.status).toBe(1);
      const lines = result.stderr.split('\n');
      expect(lines).toContain(
        `bitext: ${scanned}: has no text layer (it looks like a scanned PDF): run OCR on it first, e.g. with ocrmypdf`,
      );
      expect(lines.some((line) => line.startsWith(`bitext: ${damaged}: is `) && /PDF/.test(line))).toBe(true);
      expect(lines).toContain(
        `bitext: ${oldWord}: is an old-style Office file (a .doc, say): save it as .docx and try again`,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // review.pdf and review.docx would both be "review": each keeps its own file.
      expect(readdirSync(out).sort()).toEqual(['review-docx.jsonl', 'review-pdf.jsonl']);
    });
  },
);

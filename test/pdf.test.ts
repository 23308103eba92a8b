import { describe, expect, it } from 'vitest';
import {
  afterContentsEntry,
  type BreakContext,
  type BreakRule,
  dateLineAlone,
  indentedFirstLine,
  languageChanges,
  oneLineParagraphAbove,
  PARAGRAPH_BREAK_RULES,
  paragraphBreak,
  shortLineEndsSentence,
  sizeChanges,
  weightChanges,
  widerGap,
} from '../src/ingest/pdf/breaks.js';
import type { TextRun } from '../src/ingest/pdf/extract.js';
import { dropFurniture, isPageNumber } from '../src/ingest/pdf/furniture.js';
import { findGutter, pageLines } from '../src/ingest/pdf/layout.js';
import { linesToBlocks } from '../src/ingest/pdf/paragraphs.js';
import type { TextLine } from '../src/ingest/pdf/types.js';
import { checkTextLayer } from '../src/ingest/pdf.js';
import { languageOf } from '../src/text/language.js';

const SIZE = 10;
const LEADING = 14;

function run(text: string, x: number, baseline: number, options: Partial<TextRun> = {}): TextRun {
  const width = (options.size ?? SIZE) * (/\p{Script=Han}/u.test(text) ? text.length : text.length * 0.5);
  return { text, x, baseline, width, size: SIZE, bold: false, ...options };
}

function line(text: string, baseline: number, options: Partial<TextLine> = {}): TextLine {
  const x = options.x ?? 50;
  const right = options.right ?? 350;
  return { page: 1, column: 'full', text, x, right, baseline, size: SIZE, bold: false, ...options };
}

/** A line under another, in a column whose text starts at x = 50, lines 14 points apart (1.4 sizes). */
function breakContext(above: TextLine, below: TextLine, options: Partial<BreakContext> = {}): BreakContext {
  return {
    line: below,
    above,
    beforeAbove: undefined,
    lineLang: languageOf(below.text),
    aboveLang: languageOf(above.text),
    aboveOpensBlock: false,
    columnLeft: 50,
    lineSpacings: { en: LEADING / SIZE, zh: LEADING / SIZE },
    ...options,
  };
}

describe('paragraph break rules, each on its own', () => {
  const cases: [string, BreakRule, BreakContext, boolean][] = [
    ['a larger size', sizeChanges, breakContext(line('We met', 100), line('Ports', 114, { size: 12 })), true],
    [
      'half a point larger',
      sizeChanges,
      breakContext(line('We met', 100), line('in', 114, { size: 10.5 })),
      false,
    ],
    [
      'bold after plain',
      weightChanges,
      breakContext(line('We met.', 100), line('Q: Why?', 114, { bold: true })),
      true,
    ],
    [
      'bold after bold',
      weightChanges,
      breakContext(line('By', 100, { bold: true }), line('Lin', 114, { bold: true })),
      false,
    ],
    [
      'Chinese after English',
      languageChanges,
      breakContext(line('We met.', 100), line('我们相聚。', 114)),
      true,
    ],
    [
      'a number after English',
      languageChanges,
      breakContext(line('We met in', 100), line('2025', 114)),
      false,
    ],
    [
      'a date in digits under a name',
      dateLineAlone,
      breakContext(line('李明', 100), line('2024-02-26', 114)),
      true,
    ],
    [
      'a line under a dateline',
      dateLineAlone,
      breakContext(line('Hangzhou, April 3, 2024', 100), line('Tea is picked early.', 114)),
      true,
    ],
    [
      'a date cut in running text',
      dateLineAlone,
      breakContext(line('They met on', 100), line('April 3, 2024, and talked.', 114)),
      false,
    ],
    ['a gap of 1.5 lines', widerGap, breakContext(line('We met.', 100), line('It rained.', 121)), true],
    ['the usual spacing', widerGap, breakContext(line('We met', 100), line('in May.', 114)), false],
    [
      'under leader dots and a page',
      afterContentsEntry,
      breakContext(line('Ports ........ 3', 100), line('Notes', 114)),
      true,
    ],
    ['under a title', afterContentsEntry, breakContext(line('Ports That', 100), line('Breathe', 114)), false],
    [
      'an indented line',
      indentedFirstLine,
      breakContext(line('We met.', 100), line('It rained.', 114, { x: 70 })),
      true,
    ],
    [
      "a list item's hanging line",
      indentedFirstLine,
      breakContext(line('1. We met', 100), line('in May.', 114, { x: 62 })),
      false,
    ],
    [
      'an indented line under a Chinese subtitle',
      indentedFirstLine,
      breakContext(line('——在论坛上的讲话', 100), line('编者按：', 114, { x: 70 })),
      true,
    ],
    [
      'one indented Chinese line under another',
      oneLineParagraphAbove,
      breakContext(line('欢迎大家。', 100, { x: 70 }), line('第一，推进', 114, { x: 70 }), {
        aboveOpensBlock: true,
      }),
      true,
    ],
    [
      "an indented line under a paragraph's second line",
      oneLineParagraphAbove,
      breakContext(line('欢迎大家。', 100, { x: 70 }), line('第一，推进', 114, { x: 70 })),
      false,
    ],
    [
      'under a short line ending a sentence',
      shortLineEndsSentence,
      breakContext(line('It rained.', 100, { right: 250 }), line('We met', 114)),
      true,
    ],
    [
      'under a full line',
      shortLineEndsSentence,
      breakContext(line('It rained.', 100, { right: 345 }), line('We met', 114)),
      false,
    ],
  ];
  it.each(cases)('%s', (_, rule, context, breaks) => {
    expect(rule(context) !== null).toBe(breaks);
  });

  it('gives the reason of the first rule that applies, in order', () => {
    const context = breakContext(line('We met.', 100), line('我们相聚。', 130, { size: 12 }));
    expect(paragraphBreak(context)).toBe('the print size changes');
    expect(paragraphBreak(context, PARAGRAPH_BREAK_RULES.slice(1))).toBe('the language changes');
    expect(paragraphBreak(breakContext(line('We met', 100), line('in May.', 114)))).toBeNull();
  });
});

describe('page numbers', () => {
  it.each(['7', '- 7 -', '— 12 —', 'Page 3', '3 of 20', '第5页', 'xii'])('%s is one', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });
  it.each(['2025年3月18日', 'No. 3', 'Page three of the report'])('%s is not', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

describe('finding the gutter of a two-column page', () => {
  const column = (x: number, texts: string[]) => texts.map((text, i) => run(text, x, 100 + i * LEADING));
  const left = column(50, ['The port will be', 'electrified by', 'the year 2027,', 'every berth too.']);
  const right = column(220, ['到2027年，每个', '泊位都将提供', '岸电。']);

  it('finds it between the columns, even under a heading that spans both', () => {
    const heading = run('A heading across the whole width of the page', 50, 80, { width: 330 });
    const gutter = findGutter([heading, ...left, ...right]);
    expect(gutter).toBeGreaterThan(130);
    expect(gutter).toBeLessThanOrEqual(220);
  });

  it('finds it when one column holds only a few lines, as on the last page of an article', () => {
    const english = Array.from({ length: 20 }, (_, i) =>
      run('and the port will be ready by', 50, 100 + i * LEADING),
    );
    const chinese = column(230, ['到2027年，每个泊位', '都将提供岸电。']);
    expect(findGutter([...english, ...chinese])).toBeGreaterThan(200);
  });

  it('finds it beside a full page when the other column holds two short lines, the end of a paragraph and a source line', () => {
    const english = Array.from({ length: 34 }, (_, i) =>
      run('and the port will be ready by', 50, 100 + i * LEADING),
    );
    const chinese = [run('健康发展做出贡献。', 230, 100), run('（来源：外交部）', 250, 100 + LEADING)];
    expect(findGutter([...english, ...chinese])).toBeGreaterThan(200);
  });

  it('finds it under a page number centred in the gutter, beside indented Chinese paragraphs', () => {
    const chinese = [
      ...column(220, ['到2027年，每个', '泊位都将提供', '岸电。']),
      run('第二，保护滩涂。', 240, 100 + 3 * LEADING),
      run('第三，倾听民声。', 240, 100 + 4 * LEADING),
    ];
    const pageNumber = run('3', 170, 300);
    expect(findGutter([...left, ...chinese, pageNumber])).toBeGreaterThan(130);
  });

  it('finds none in one column of text', () => {
    const lines = [
      'Our harbour handled 3.5 million',
      'containers last year, an increase',
      'of 12% over the year before, and',
      'we mean to keep it clean.',
    ];
    expect(findGutter(lines.map((text, i) => run(text, 50, 100 + i * LEADING)))).toBeNull();
  });

  it('reads the left column, then the right, with the spanning heading first', () => {
    const heading = run('A heading across the whole width of the page', 50, 80, { width: 330 });
    const texts = pageLines({ number: 1, width: 420, height: 595, runs: [...right, heading, ...left] }).map(
      (textLine) => textLine.text,
    );
    expect(texts).toEqual([
      'A heading across the whole width of the page',
      'The port will be',
      'electrified by',
      'the year 2027,',
      'every berth too.',
      '到2027年，每个',
      '泊位都将提供',
      '岸电。',
    ]);
  });

  it('writes a footnote number set small above the line as superscript digits', () => {
    const runs = [
      run('Exports grew by 6.3%.', 50, 100),
      run('12', 155, 96, { size: 6, width: 6 }),
      run('We', 165, 100),
      run('欢迎来华投资。', 50, 120),
      run('1', 120, 116, { size: 6, width: 3 }),
      run('2', 130, 116, { size: 6, width: 3 }),
    ];
    expect(pageLines({ number: 1, width: 420, height: 595, runs }).map((textLine) => textLine.text)).toEqual([
      'Exports grew by 6.3%.¹² We',
      '欢迎来华投资。¹²',
    ]);
  });

  it('closes up a justified Chinese line that pdf.js spaced out, and keeps real word spaces', () => {
    const runs = [run('我 们 的 港 口 完 成', 50, 100), run('Welcome', 50, 120), run('to', 90, 120)];
    expect(pageLines({ number: 1, width: 420, height: 595, runs }).map((textLine) => textLine.text)).toEqual([
      '我们的港口完成',
      'Welcome to',
    ]);
  });
});

describe('running heads, feet and page numbers', () => {
  const page = (number: number, body: string) => [
    line('THE HARBOUR REVIEW · Spring 2025', 30, { size: 8, page: number }),
    line(body, 80, { page: number }),
    line('More body text.', 94, { page: number }),
    line(String(number), 560, { size: 8, page: number }),
  ];

  it('drops lines that recur at the edge of pages, and page numbers', () => {
    const kept = dropFurniture([page(1, 'First page.'), page(2, 'Second page.')], SIZE);
    expect(kept.map((lines) => lines.map((textLine) => textLine.text))).toEqual([
      ['First page.', 'More body text.'],
      ['Second page.', 'More body text.'],
    ]);
  });

  it('keeps headings that recur but for their numbers, set larger than the text', () => {
    const chapter = (number: number) => [
      line(`Chapter ${number}`, 40, { size: 16, page: number }),
      line('The story goes on.', 80, { page: number }),
    ];
    const kept = dropFurniture([chapter(1), chapter(2)], SIZE);
    expect(kept.map((lines) => lines[0]?.text)).toEqual(['Chapter 1', 'Chapter 2']);
  });

  it('keeps a first line of body text that does not recur', () => {
    const pages = [[line('Ports That Breathe', 30, { size: 15 }), line('Welcome to Donggang.', 60)]];
    expect(dropFurniture(pages, SIZE)[0]?.map((textLine) => textLine.text)).toEqual([
      'Ports That Breathe',
      'Welcome to Donggang.',
    ]);
  });
});

describe('lines into paragraphs', () => {
  const texts = (lines: TextLine[]) =>
    linesToBlocks(lines, 'x.pdf').map((block) => [block.markup, block.text]);

  it('finds headings by size, bold lines by font, and paragraphs by the space between them', () => {
    expect(
      texts([
        line('Ports That Breathe', 60, { size: 15, right: 200 }),
        line('March 18, 2025', 82, { bold: true, right: 120 }),
        line('Welcome to Donggang. Our harbour handled 3.5 million containers', 104),
        line('last year, an increase of 12% over the year before.', 118, { right: 300 }),
        line('First, we will electrify the quays. By 2027, every berth will of-', 140),
        line('fer shore power.', 154, { right: 120 }),
      ]),
    ).toEqual([
      ['heading', 'Ports That Breathe'],
      ['bold', 'March 18, 2025'],
      [
        'plain',
        'Welcome to Donggang. Our harbour handled 3.5 million containers last year, an increase of 12% over the year before.',
      ],
      ['plain', 'First, we will electrify the quays. By 2027, every berth will offer shore power.'],
    ]);
  });

  it('judges headings against the body size of their own language', () => {
    const english = 'Welcome to Donggang, where the harbour handled 3.5 million boxes.';
    const chinese = '欢迎大家来到东港。去年，我们的港口完成集装箱吞吐量三百五十万标准箱。';
    expect(
      texts([
        line('会呼吸的港口', 40, { size: 14, right: 150 }),
        line(english, 70, { size: 12, right: 300 }),
        ...[90, 104, 118].map((baseline) => line(chinese, baseline)),
      ]).map(([markup]) => markup),
    ).toEqual(['heading', 'plain', 'plain']);
  });

  it('measures paragraph gaps against the line spacing of their own language', () => {
    const english = [100, 112, 124, 136, 148, 160].map((baseline) =>
      line('and the port will be electrified by the year of the plan, every berth', baseline),
    );
    const chinese = [200, 218, 236].map((baseline) =>
      line('欢迎大家来到东港。去年，我们的港口完成集装箱吞吐量', baseline),
    );
    expect(texts([...english, ...chinese])).toHaveLength(2);
  });

  it('ends a one-line Chinese paragraph that does not fill its line, a section heading', () => {
    expect(
      texts([
        line('一、深化贸易合作', 100, { x: 70, right: 160 }),
        line('2023年，中国同中亚国家贸易额达到894亿美元，同比增长', 114, { x: 70 }),
        line('27%。', 128, { right: 90 }),
      ]),
    ).toEqual([
      ['plain', '一、深化贸易合作'],
      ['plain', '2023年，中国同中亚国家贸易额达到894亿美元，同比增长27%。'],
    ]);
  });

  it('starts a Chinese paragraph at an indented line, with no space between paragraphs', () => {
    expect(
      texts([
        line('各位来宾，女士们、先生们：', 100, { x: 70, right: 350 }),
        line('欢迎大家来到东港。去年，我们的港口完成集装箱', 114, { x: 70 }),
        line('吞吐量350万标准箱。', 128, { right: 150 }),
        line('第一，推进码头全面电气化。', 142, { x: 70, right: 200 }),
      ]),
    ).toEqual([
      ['plain', '各位来宾，女士们、先生们：'],
      ['plain', '欢迎大家来到东港。去年，我们的港口完成集装箱吞吐量350万标准箱。'],
      ['plain', '第一，推进码头全面电气化。'],
    ]);
  });

  it('keeps a quotation set narrower in one paragraph, and a list item with its hanging lines', () => {
    expect(
      texts([
        line('The charter says:', 100, { right: 150 }),
        line('Permission is granted to copy and distribute this', 114, { x: 80, right: 320 }),
        line('document under the terms of the licence.', 128, { x: 80, right: 318 }),
        line('No part of it may be sold.', 142, { x: 80, right: 200 }),
        line('• Thread-safety: no global variables are used and', 164, { right: 350 }),
        line('handles may be used in parallel.', 178, { x: 62, right: 230 }),
      ]),
    ).toEqual([
      ['plain', 'The charter says:'],
      [
        'plain',
        'Permission is granted to copy and distribute this document under the terms of the licence. No part of it may be sold.',
      ],
      ['plain', '• Thread-safety: no global variables are used and handles may be used in parallel.'],
    ]);
  });

  it('ends a contents entry at its page number', () => {
    expect(
      texts([
        line('2.1 Syntax ........................................ 2', 100),
        line('2.2 Naming ........................................ 3', 114),
      ]),
    ).toEqual([
      ['plain', '2.1 Syntax ........................................ 2'],
      ['plain', '2.2 Naming ........................................ 3'],
    ]);
  });

  it('carries a paragraph cut at the foot of a page on to the next page in its language, past a footnote', () => {
    expect(
      texts([
        line('We owe them a port that is both prosperous and clean, and we', 500, { page: 2 }),
        line('intend to build it with a', 514, { page: 2 }),
        line('1. Donggang Port Authority, annual report 2024.', 540, { page: 2, size: 7, right: 200 }),
        line('我们要为他们建设一个既繁荣又清洁的港口，也决心在', 80, { page: 3 }),
        line('sense of urgency that matches the task.', 80, { page: 4, right: 250 }),
        line('Second, we will protect the mudflats.', 102, { page: 4, right: 220 }),
      ]),
    ).toEqual([
      [
        'plain',
        'We owe them a port that is both prosperous and clean, and we intend to build it with a sense of urgency that matches the task.',
      ],
      ['plain', '1. Donggang Port Authority, annual report 2024.'],
      ['plain', '我们要为他们建设一个既繁荣又清洁的港口，也决心在'],
      ['plain', 'Second, we will protect the mudflats.'],
    ]);
  });
});

describe('a text layer that cannot be read', () => {
  it('is refused when there is none, as in a scan', () => {
    expect(() => checkTextLayer('12', 3, 'scan.pdf')).toThrow(
      /has no text layer \(it looks like a scanned PDF\)/,
    );
  });

  it('is refused when its fonts map characters to no Unicode', () => {
    const garbled = '\uE012\uE0A4\uE113 \uE012\uE020 港口'.repeat(20);
    expect(() => checkTextLayer(garbled, 1, 'old.pdf')).toThrow(
      /has fonts without a Unicode map \(\d+% of its characters/,
    );
  });

  it('reads text with a stray private-use character', () => {
    expect(() => checkTextLayer(`${'欢迎大家来到东港。'.repeat(30)}\uE000`, 1, 'fine.pdf')).not.toThrow();
  });
});

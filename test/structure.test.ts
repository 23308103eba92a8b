import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, splitBlocks } from '../src/ingest/blocks.js';
import type { BilingualDocument } from '../src/model/document.js';
import { readDocuments } from '../src/read.js';
import {
  deckUnderTitle,
  type HeaderZoneRule,
  headerZone,
  markedLinesWithCounterparts,
  shortLinesUpToLastMarked,
} from '../src/structure/header-zone.js';
import {
  assignHeaderRoles,
  bylineByMark,
  bylineByName,
  dateByForm,
  roleByForm,
  subtitleByDash,
} from '../src/structure/headers.js';
import { structureMagazine } from '../src/structure/index.js';
import { interleaveArticles } from '../src/structure/pair.js';
import { alternate, emptyArticle, type TaggedBlock } from '../src/structure/shared.js';
import { joinPieces } from '../src/text/join.js';
import { languageOf } from '../src/text/language.js';
import { goldenCases, structureAsJson } from './golden.js';

describe('golden structure files (npx tsx scripts/update-golden.ts rewrites them)', () => {
  for (const { name, inputs, golden } of goldenCases()) {
    it(name, async () => {
      expect(await structureAsJson(inputs)).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

function readMagazine(text: string) {
  return structureMagazine(splitBlocks(text, 'test.md'));
}

const harbour = async (): Promise<BilingualDocument> => {
  const document = (await readDocuments(['test/fixtures/magazine/harbour-review.md'])).documents[0];
  if (!document) throw new Error('fixture not read');
  return document;
};

describe('magazine structure', () => {
  it('matches table-of-contents entries to articles, or reports them absent', async () => {
    expect((await harbour()).toc.map((entry) => entry.article)).toEqual([0, 1, null]);
  });

  it('reads the header fields in both languages, without markup', async () => {
    const [first, second] = (await harbour()).articles;
    expect(first?.title).toEqual({
      en: 'Ports That Breathe: Building a Greener Harbour Together',
      zh: '会呼吸的港口：携手建设更绿色的港湾',
    });
    expect(first?.subtitle?.zh).toBe('——在2025年绿色港口论坛开幕式上的致辞');
    expect(first?.byline).toEqual({ en: 'Lin Hai, Mayor of Donggang City', zh: '东港市市长 林海' });
    expect(first?.date).toEqual({ en: 'March 18, 2025', zh: '2025年3月18日' });
    expect(first?.source).toEqual({
      en: '(Source: Donggang Municipal Government)',
      zh: '（来源：东港市人民政府）',
    });
    expect(second?.byline).toEqual({ en: 'By Chen Yu', zh: '文／陈雨' });
  });

  it('joins paragraphs cut by a page break, in both languages', async () => {
    const [article] = (await harbour()).articles;
    const english = article?.paragraphs.en.map((paragraph) => paragraph.text) ?? [];
    const chinese = article?.paragraphs.zh.map((paragraph) => paragraph.text) ?? [];
    expect(english).toContain(
      'We owe them a port that is both prosperous and clean, and we intend to build it with a sense of urgency that matches the scale of the task.'.replace(
        /^/,
        'Welcome to Donggang. Our harbour handled 3.5 million containers last year, an increase of 12% over 2023. Behind every one of those boxes are workers, families and small firms whose livelihoods depend on the sea. ',
      ),
    );
    expect(english.some((text) => text.includes('an international responsibility'))).toBe(true);
    expect(chinese.some((text) => text.endsWith('也决心在未来五年内把这件大事办成、办好。'))).toBe(true);
  });

  it('keeps no Chinese in English streams and no English-only paragraph in Chinese streams', async () => {
    for (const article of (await harbour()).articles) {
      for (const paragraph of article.paragraphs.en) expect(paragraph.text).not.toMatch(/\p{Script=Han}/u);
      for (const paragraph of article.paragraphs.zh) expect(paragraph.text).toMatch(/\p{Script=Han}/u);
    }
  });

  it('flags a truncated article with the side and the place', async () => {
    const [first, second] = (await harbour()).articles;
    expect(first?.warnings).toEqual([]);
    expect(second?.warnings).toMatchObject([
      { code: 'truncated', message: expect.stringContaining('Chinese text stops mid-sentence') },
    ]);
  });

  it('keeps an English word inside Chinese text in the Chinese stream', () => {
    const structure = readMagazine(
      '# Title\n\n## 标题\n\nWe will strengthen exchanges.\n\n将加强交流 and 经验互鉴。\n',
    );
    expect(structure.articles[0]?.paragraphs.zh.map((p) => p.text)).toEqual(['将加强交流 and 经验互鉴。']);
  });

  it('keeps text in neither language as a warning, not in a stream', () => {
    const structure = readMagazine('# Title\n\n## 标题\n\nText.\n\n— 12 —\n\n文字。\n');
    expect(structure.articles[0]?.warnings.map((w) => w.code)).toEqual(['unplaced-text']);
  });

  it('reads a document without headings as one article', () => {
    const structure = readMagazine('It rained.\n\n下雨了。\n');
    expect(structure.articles).toHaveLength(1);
    expect(structure.toc).toEqual([]);
  });
});

describe('joining pieces across a break', () => {
  it.each([
    ['in na-', 'tional affairs', 'in national affairs'],
    ['the Sino-', 'Mongolian border', 'the Sino-Mongolian border'],
    ['a long-', 'term plan', 'a long-term plan'],
    ['pursued with a', 'greater sense', 'pursued with a greater sense'],
    ['中方重申坚定支', '持塞方', '中方重申坚定支持塞方'],
    ['馆内藏书8000', '册，大多', '馆内藏书8000册，大多'],
    ['到', '2027年', '到2027年'],
    ['the port of Rott-', 'erdam', 'the port of Rotterdam'],
    ['President Xi Jinp-', 'ing said', 'President Xi Jinping said'],
    ['a well-', 'ordered plan', 'a well-ordered plan'],
    ['in Shui-', 'kou Village', 'in Shuikou Village'],
    ['a port—', 'and a city', 'a port—and a city'],
    ['from 2015–', '2024', 'from 2015–2024'],
    ['a port —', 'and a city', 'a port — and a city'],
    ['see https://www.fmprc.gov.cn/', 'eng/ for more', 'see https://www.fmprc.gov.cn/eng/ for more'],
  ])('%s + %s', (before, after, joined) => {
    expect(joinPieces(before, after)).toBe(joined);
  });
});

describe('page-break repair loses and duplicates no character', () => {
  const piece = fc
    .array(
      fc.constantFrom(
        'na-',
        'tional',
        'Sino-',
        'Mongolian',
        'a',
        ' ',
        '人权',
        '支',
        '持',
        '，',
        '。',
        'long-',
        'term',
        '3.5',
      ),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join(''));

  it('keeps every non-space character, dropping at most the hyphen of a rejoined word', () => {
    fc.assert(
      fc.property(piece, piece, (before, after) => {
        const joined = joinPieces(before, after).replace(/\s/g, '');
        const original = (before + after).replace(/\s/g, '');
        const withoutBreakHyphen = (before.trimEnd().replace(/-$/, '') + after).replace(/\s/g, '');
        expect([original, withoutBreakHyphen]).toContain(joined);
      }),
    );
  });
});

describe('a long paragraph cut before a name', () => {
  it('is joined with its continuation', () => {
    const structure = readMagazine(
      '# Title\n\n## 标题\n\nAfter two days of talks in the old capital, the closing meeting was chaired by President\n\n会议由习近平主席主持。\n\nXi Jinping, who welcomed the delegations.\n',
    );
    expect(structure.articles[0]?.paragraphs.en.map((p) => p.text)).toEqual([
      'After two days of talks in the old capital, the closing meeting was chaired by President Xi Jinping, who welcomed the delegations.',
    ]);
  });
});

describe('a pair of files with titles', () => {
  const en =
    '# Ports That Breathe\n\n**March 18, 2025**\n\nWelcome to Donggang.\n\n# A Village Library\n\n**By Chen Yu**\n\nThe library opened again.\n';
  const zh =
    '# 会呼吸的港口\n\n2025年3月18日\n\n欢迎大家来到东港。\n\n# 乡村图书馆\n\n文／陈雨\n\n图书馆重新开放了。\n';
  const structure = (english: string, chinese: string) => {
    const blocks = interleaveArticles(splitBlocks(english, 'x.en.md'), splitBlocks(chinese, 'x.zh.md'));
    return blocks && structureMagazine(blocks);
  };

  it('is read article by article, with titles and header fields in both languages', () => {
    const articles = structure(en, zh)?.articles;
    expect(articles?.map((article) => article.title)).toEqual([
      { en: 'Ports That Breathe', zh: '会呼吸的港口' },
      { en: 'A Village Library', zh: '乡村图书馆' },
    ]);
    expect(articles?.[0]?.date).toEqual({ en: 'March 18, 2025', zh: '2025年3月18日' });
    expect(articles?.[1]?.byline).toEqual({ en: 'By Chen Yu', zh: '文／陈雨' });
    expect(articles?.[1]?.paragraphs.zh.map((paragraph) => paragraph.text)).toEqual(['图书馆重新开放了。']);
  });

  it('is read as one article when the files do not hold as many titles', () => {
    expect(structure(en, '# 会呼吸的港口\n\n欢迎大家来到东港。\n')).toBeNull();
  });
});

describe('what bilingual magazines also print', () => {
  it('drops the page numbers of contents entries, and keeps a year that ends a title', () => {
    const numbered = readMagazine(
      '**Seizing New Opportunities 3**\n\n携手把握新机遇 3\n\n**Summer Davos 2024 9**\n\n2024年夏季达沃斯 9\n\n# Seizing New Opportunities\n\n## 携手把握新机遇\n\nText.\n\n文字。\n',
    );
    expect(numbered.toc.map((entry) => [entry.en, entry.zh, entry.article])).toEqual([
      ['Seizing New Opportunities', '携手把握新机遇', 0],
      ['Summer Davos 2024', '2024年夏季达沃斯', null],
    ]);
    const unnumbered = readMagazine(
      '**Summer Davos 2024**\n\n夏季达沃斯\n\n**Open Markets**\n\n开放市场\n\n# A\n\n## 甲\n',
    );
    expect(unnumbered.toc.map((entry) => entry.en)).toEqual(['Summer Davos 2024', 'Open Markets']);
  });

  it('reads a bare name in both languages under the title as the byline, family name first or last', () => {
    for (const english of ['Zhang Wei', 'Wei Zhang']) {
      const [article] = readMagazine(
        `# Harbour Lights Return\n\n## 港口灯火重现\n\n${english}\n\n张伟\n\nThe lamp was lit.\n\n灯亮了。\n`,
      ).articles;
      expect(article?.byline).toEqual({ en: english, zh: '张伟' });
      expect(article?.paragraphs.zh.map((paragraph) => paragraph.text)).toEqual(['灯亮了。']);
    }
    expect(bylineByName(['Night Lights', '夜之灯'])).toBeNull();
    expect(bylineByName(['Zhang Wei'])).toBeNull();
  });

  it('reads a plain byline with its bare Chinese counterpart, and a date in digits alone as both dates', () => {
    const [article] = readMagazine(
      '# Harbour Lights Return\n\n# 港口灯火重现\n\nBy Li Ming\n\n李明\n\n2024-02-26\n\nThe lamp was lit.\n\n灯亮了。\n',
    ).articles;
    expect(article?.byline).toEqual({ en: 'By Li Ming', zh: '李明' });
    expect(article?.date).toEqual({ en: '2024-02-26', zh: '2024-02-26' });
    expect(article?.paragraphs.zh.map((paragraph) => paragraph.text)).toEqual(['灯亮了。']);
    expect(article?.warnings).toEqual([]);
  });

  it('reads a date in digits printed once on each side as the one date, with no warning', () => {
    const [article] = readMagazine(
      '# Harbour Lights Return\n\n2024-02-26\n\nThe lamp was lit.\n\n# 港口灯火重现\n\n2024-02-26\n\n灯亮了。\n',
    ).articles;
    expect(article?.date).toEqual({ en: '2024-02-26', zh: '2024-02-26' });
    expect(article?.warnings).toEqual([]);
  });

  it('gives an unmarked header line under the second title the role of the field awaiting its language', () => {
    const [article] = readMagazine(
      '# 茶山的春天\n\n文／陈晓\n\n杭州，2024年4月3日\n\n采茶工天不亮就上山了。\n\n' +
        '# Spring on the Tea Hills\n\nText by Chen Xiao\n\nHangzhou, April 3, 2024\n\nThe pickers are on the hills before dawn.\n',
    ).articles;
    expect(article?.byline).toEqual({ en: 'Text by Chen Xiao', zh: '文／陈晓' });
    expect(article?.subtitle).toBeNull();
    expect(article?.date).toEqual({ en: 'Hangzhou, April 3, 2024', zh: '杭州，2024年4月3日' });
  });

  it('reads a date in digits set as a heading under the title (a deck) as both dates', () => {
    const [article] = readMagazine(
      '# Harbour Lights Return\n\n# 港口灯火重现\n\n## 2024-02-26\n\n## 2024-02-26\n\nThe lamp was lit.\n\n灯亮了。\n',
    ).articles;
    expect(article?.date).toEqual({ en: '2024-02-26', zh: '2024-02-26' });
    expect(article?.warnings).toEqual([]);
  });

  it('leaves the contents page’s own heading out of its entries', () => {
    const { toc } = readMagazine(
      '**Contents**\n\n目录\n\n**Open Markets 3**\n\n开放市场 3\n\n**Harbour Days 9**\n\n港口岁月 9\n\n# Open Markets\n\n## 开放市场\n\nText.\n\n文字。\n',
    );
    expect(toc.map((entry) => [entry.en, entry.zh, entry.article])).toEqual([
      ['Open Markets', '开放市场', 0],
      ['Harbour Days', '港口岁月', null],
    ]);
  });

  it('keeps a hard-wrapped English line with a name in characters in its English block', () => {
    const blocks = splitBlocks('We met Mr. Li\n(李先生) and his wife\nin Donggang.\n', 'x.md');
    expect(blocks.map((block) => block.text)).toEqual(['We met Mr. Li (李先生) and his wife in Donggang.']);
  });

  it('reads lines of two languages without a blank line between as two blocks, each with its lines', () => {
    const blocks = splitBlocks(
      'The talks ended.\nBoth sides were satisfied.\n会谈结束。\n双方都很满意。\n',
      'x.md',
    );
    expect(blocks.map((block) => [block.text, block.lines.firstLine, block.lines.lastLine])).toEqual([
      ['The talks ended. Both sides were satisfied.', 1, 2],
      ['会谈结束。双方都很满意。', 3, 4],
    ]);
  });

  it('joins a title set over two heading lines', () => {
    const [article] = readMagazine(
      '# Consensus, Solidarity and Cooperation\n\n# Working Together for Human Rights\n\n## 凝聚共识，团结合作，\n\n## 共同推动人权事业\n\nText.\n\n文字。\n',
    ).articles;
    expect(article?.title).toEqual({
      en: 'Consensus, Solidarity and Cooperation Working Together for Human Rights',
      zh: '凝聚共识，团结合作，共同推动人权事业',
    });
  });

  describe('header lines set as headings under the title (a deck)', () => {
    const header = {
      subtitle: { en: 'Remarks at the Opening of the Forum', zh: '——在论坛开幕式上的讲话' },
      byline: { en: 'Lin Hai, Mayor of Donggang', zh: '东港市市长 林海' },
      date: { en: 'March 18, 2025', zh: '2025年3月18日' },
    };
    const deck = (lang: 'en' | 'zh') =>
      [header.subtitle[lang], header.byline[lang], header.date[lang]].map((line) => `### ${line}`);
    it.each([
      ['line by line', ['# Ports That Breathe', '## 会呼吸的港口', ...alternate(deck('en'), deck('zh'))], []],
      ['as two blocks', ['# Ports That Breathe', ...deck('en')], ['## 会呼吸的港口', ...deck('zh')]],
    ])(
      'reads them as header fields when the languages alternate %s, with no warning',
      (_, top, chineseTop) => {
        const { articles } = readMagazine(
          [...top, 'We met in Donggang.', ...chineseTop, '我们在东港相聚。'].join('\n\n'),
        );
        const [article] = articles;
        expect(articles).toHaveLength(1);
        expect(article?.title).toEqual({ en: 'Ports That Breathe', zh: '会呼吸的港口' });
        expect({ subtitle: article?.subtitle, byline: article?.byline, date: article?.date }).toEqual(header);
        expect(article?.warnings).toEqual([]);
      },
    );
  });

  it.each([
    [
      'English first, bold',
      "**Editor's note: The station opened in 2019.**",
      '编者按：保护站于2019年启用。',
      '**By Wang Xiaoyu**',
      '记者 王小雨',
    ],
    [
      'Chinese first, plain',
      '编者按：保护站于2019年启用。',
      "Editor's note: The station opened in 2019.",
      '记者 王小雨',
      '**By Wang Xiaoyu**',
    ],
  ])(
    "reads an editor's note among the header lines (%s) as body text, and the header lines after it",
    (_, ...zone) => {
      const [article] = readMagazine(
        ['# Keeping Watch', '## 守望候鸟', ...zone, 'Q: Why?', '问：为什么？'].join('\n\n'),
      ).articles;
      expect(article?.byline).toEqual({ en: 'By Wang Xiaoyu', zh: '记者 王小雨' });
      expect(article?.subtitle).toBeNull();
      expect(article?.paragraphs.en.map((paragraph) => paragraph.text)).toEqual([
        "Editor's note: The station opened in 2019.",
        'Q: Why?',
      ]);
      expect(article?.paragraphs.zh[0]?.text).toBe('编者按：保护站于2019年启用。');
    },
  );

  it("keeps a byline set as a heading after an editor's note in its article, and a section heading in the text", () => {
    const { articles } = readMagazine(
      [
        '# Keeping Watch',
        '## 守望候鸟',
        "Editor's note: The station opened in 2019.",
        '编者按：保护站于2019年启用。',
        '### By Wang Xiaoyu',
        '### 记者 王小雨',
        'Q: Why?',
        '问：为什么？',
      ].join('\n\n'),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]?.byline).toEqual({ en: 'By Wang Xiaoyu', zh: '记者 王小雨' });
    expect(articles[0]?.subtitle).toBeNull();
    expect(articles[0]?.paragraphs.en.map((paragraph) => [paragraph.kind, paragraph.text])).toEqual([
      ['body', "Editor's note: The station opened in 2019."],
      ['body', 'Q: Why?'],
    ]);
    expect(articles[0]?.warnings).toEqual([]);
  });

  it('reads a dateline with its place as the date', () => {
    const [article] = readMagazine(
      '# Seizing New Opportunities\n\n## 携手把握新机遇\n\n**Li Qiang**\n\n李强\n\n**Dalian, June 25, 2024**\n\n2024年6月25日，大连\n\nGood morning!\n\n大家上午好！\n',
    ).articles;
    expect(article?.date).toEqual({ en: 'Dalian, June 25, 2024', zh: '2024年6月25日，大连' });
  });

  it('keeps a caption apart, and joins the paragraph a page break and the caption cut', () => {
    const [article] = readMagazine(
      [
        '# Title',
        '## 标题',
        'Demand will reach 45 million units by 2030.',
        '有人担心产能过剩。事实上，这并不是一个真',
        'Photo: Premier Li speaks in Dalian. (Xinhua)',
        '图为李强总理在大连发表演讲。（新华社）',
        '正的问题。',
      ].join('\n\n'),
    ).articles;
    expect(article?.paragraphs.zh.map((paragraph) => paragraph.text)).toEqual([
      '有人担心产能过剩。事实上，这并不是一个真正的问题。',
      '图为李强总理在大连发表演讲。（新华社）',
    ]);
    expect(article?.paragraphs.en.map((paragraph) => paragraph.text)).toEqual([
      'Demand will reach 45 million units by 2030.',
      'Photo: Premier Li speaks in Dalian. (Xinhua)',
    ]);
  });

  it('reads a salutation under the date as body text, bold or not, Chinese first or not', () => {
    const [article] = readMagazine(
      '# 中国同中亚国家的合作\n\n## China and Central Asia\n\n2024年7月3日\n\n**July 3, 2024**\n\n各位同事：\n\n中国和中亚五国是友好邻邦。\n\n**Dear colleagues,**\n\nChina and the five Central Asian countries are friendly neighbours.\n',
    ).articles;
    expect([article?.subtitle, article?.byline]).toEqual([null, null]);
    expect(article?.date).toEqual({ en: 'July 3, 2024', zh: '2024年7月3日' });
    expect(article?.paragraphs.zh[0]?.text).toBe('各位同事：');
    expect(article?.paragraphs.en[0]?.text).toBe('Dear colleagues,');
  });

  it('never joins a numbered section heading to the paragraph after it across a break', () => {
    const [article] = readMagazine(
      '# Trade\n\n## 贸易\n\nTrade grew.\n\n贸易增长了。\n\n**I. Deepening Trade Cooperation**\n\n一、深化贸易合作\n\nTrade reached 89.4 billion dollars.\n\n贸易额达到894亿美元。\n',
    ).articles;
    expect(article?.paragraphs.zh.map((paragraph) => paragraph.text)).toEqual([
      '贸易增长了。',
      '一、深化贸易合作',
      '贸易额达到894亿美元。',
    ]);
  });

  it('reads a bold question under the date as the interview, not a header field', () => {
    const [article] = readMagazine(
      '# Meeting the Press\n\n## 答记者问\n\n**March 7, 2024**\n\n2024年3月7日\n\n**Q: How do you see the region?**\n\n问：您如何看待本地区？\n',
    ).articles;
    expect(article?.subtitle).toBeNull();
    expect(article?.paragraphs.en.map((paragraph) => paragraph.text)).toEqual([
      'Q: How do you see the region?',
    ]);
  });
});

/** A block as the magazine reader sees it, with its language by its own characters. */
function tagged(text: string, markup: Block['markup'] = 'plain'): TaggedBlock {
  const level = markup === 'heading' ? 3 : 0;
  return {
    text,
    markup,
    level,
    lines: { file: 'test.md', firstLine: 1, lastLine: 1 },
    lang: languageOf(text),
  };
}

describe('header zone rules, each on its own', () => {
  const deck = [tagged('Remarks at the Forum', 'heading'), tagged('——在论坛上的讲话', 'heading')];
  const bold = [
    tagged('By Chen Yu', 'bold'),
    tagged('文／陈雨'),
    tagged('March 18, 2025', 'bold'),
    tagged('2025年3月18日'),
  ];
  const chineseFirst = [
    tagged('——在论坛上的讲话'),
    tagged('记者 王小雨'),
    tagged('Remarks at the Forum', 'bold'),
  ];
  const body = [tagged('We met in Donggang.'), tagged('我们在东港相聚。')];
  const cases: [string, HeaderZoneRule, TaggedBlock[], number][] = [
    ['a deck of headings', deckUnderTitle, [...deck, ...bold, ...body], 2],
    ['a deck, then bold lines', markedLinesWithCounterparts, [...deck, ...bold, ...body], 6],
    ['no deck', deckUnderTitle, [...bold, ...body], 0],
    ['bold lines with their counterparts', markedLinesWithCounterparts, [...bold, ...body], 4],
    ['plain Chinese lines first', markedLinesWithCounterparts, [...chineseFirst, ...body], 0],
    ['short lines up to a bold one', shortLinesUpToLastMarked, [...chineseFirst, ...body], 3],
    ['body text', shortLinesUpToLastMarked, body, 0],
    [
      'a plain field by its form, then its counterpart',
      shortLinesUpToLastMarked,
      [tagged('By Li Ming'), tagged('李明'), ...body],
      2,
    ],
    ['a date in digits alone', shortLinesUpToLastMarked, [tagged('2025-03-18'), ...body], 1],
    [
      'an unmarked phrase in each language',
      shortLinesUpToLastMarked,
      [tagged('Night Lights'), tagged('夜之灯'), ...body],
      2,
    ],
    [
      'a sentence and a line cut at a page',
      shortLinesUpToLastMarked,
      [tagged('Demand will reach 45 million units by 2030.'), tagged('事实上，这并不是一个真'), ...body],
      0,
    ],
    [
      'a bare name in both languages',
      shortLinesUpToLastMarked,
      [tagged('Zhang Wei'), tagged('张伟'), ...body],
      2,
    ],
    [
      'bold lines and a date in digits',
      markedLinesWithCounterparts,
      [...bold, tagged('2025-03-18'), ...body],
      5,
    ],
  ];
  it.each(cases)('%s', (_, rule, blocks, length) => {
    expect(rule(blocks, emptyArticle(0))?.length ?? 0).toBe(length);
  });

  it('takes the longest zone a rule finds, with its reason', () => {
    expect(headerZone([...deck, ...bold, ...body], emptyArticle(0))).toEqual({
      length: 6,
      reason: 'marked lines and dates, each with its counterpart',
    });
    expect(headerZone(body, emptyArticle(0))).toBeNull();
  });
});

describe('header role rules, each on its own', () => {
  it.each([
    ['a date', dateByForm, ['Dalian, June 25, 2024'], 'date'],
    ['a Chinese date', dateByForm, ['2024年6月25日'], 'date'],
    ['no date', dateByForm, ['June Li'], null],
    ['a leading dash', subtitleByDash, ['——在论坛上的讲话'], 'subtitle'],
    ['a dash inside', subtitleByDash, ['Port—and city'], null],
    ['"By"', bylineByMark, ['By Chen Yu'], 'byline'],
    ['"文／"', bylineByMark, ['文／陈雨'], 'byline'],
    ['"Text by"', bylineByMark, ['Text by Chen Yu'], 'byline'],
    ['"Words and photos by"', bylineByMark, ['Words and photos by Chen Yu'], 'byline'],
    ['"Reported by"', bylineByMark, ['Reported by Chen Yu'], 'byline'],
    ['a name alone', bylineByMark, ['Chen Yu'], null],
  ] as const)('%s', (_, rule, sides, role) => {
    expect(rule(sides)).toBe(role);
  });

  it('gives a pair the role of the first rule its form meets, then the free roles in order', () => {
    expect(roleByForm({ en: 'By March 18, 2025', zh: '2025年3月18日' })).toBe('date');
    expect(
      assignHeaderRoles([
        { en: 'Remarks at the Forum', zh: '在论坛上的讲话' },
        { en: 'March 18, 2025', zh: null },
        { en: 'Lin Hai', zh: '林海' },
      ]),
    ).toEqual(['subtitle', 'date', 'byline']);
  });
});

describe('nothing read disappears without trace', () => {
  const texts = {
    en: [
      'Ports That Breathe',
      'By Chen Yu',
      'March 18, 2025',
      "Editor's note: It rained.",
      'We met in May.',
      'Q: Why?',
    ],
    zh: [
      '会呼吸的港口',
      '文／陈雨',
      '2025年3月18日',
      '——在论坛上的讲话',
      '编者按：下雨了。',
      '我们五月相聚。',
    ],
    none: ['— 12 —', '2025', '■'],
  };
  const block = fc
    .record({
      lang: fc.constantFrom('en', 'zh', 'none') as fc.Arbitrary<keyof typeof texts>,
      pick: fc.nat(),
      markup: fc.constantFrom('heading', 'bold', 'plain') as fc.Arbitrary<Block['markup']>,
    })
    .map(({ lang, pick, markup }) => ({ text: texts[lang][pick % texts[lang].length] as string, markup }));

  /** Everything the structure kept: contents, header fields and paragraphs, in both languages. */
  function keptText(structure: ReturnType<typeof structureMagazine>): string {
    const fields = structure.articles.flatMap((article) => [
      article.title,
      article.subtitle,
      article.byline,
      article.date,
      article.source,
    ]);
    return [
      ...structure.toc.flatMap((entry) => [entry.en, entry.zh]),
      ...fields.flatMap((field) => [field?.en, field?.zh]),
      ...structure.articles.flatMap((article) =>
        [...article.paragraphs.en, ...article.paragraphs.zh].map((p) => p.text),
      ),
    ].join('\n');
  }

  it('keeps every line in a language in the structure, and warns only of lines in neither', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 14 }), (blocks) => {
        const input = blocks.map((b, i) => ({
          ...b,
          level: b.markup === 'heading' ? 1 : 0,
          lines: { file: 't', firstLine: i + 1, lastLine: i + 1 },
        }));
        const structure = structureMagazine(input);
        const kept = keptText(structure);
        // Contents entries lose what reads as their page number.
        const found = (text: string) => kept.includes(text) || kept.includes(text.replace(/\s+\d{1,4}$/, ''));
        const lost = input.filter((b) => languageOf(b.text) !== null && !found(b.text));
        expect(lost.map((b) => b.text)).toEqual([]);
        const warned = [...structure.warnings, ...structure.articles.flatMap((article) => article.warnings)]
          .filter((warning) => warning.code === 'unplaced-text')
          .map((warning) => input[(warning.at?.firstLine ?? 0) - 1]?.text ?? '');
        expect(warned.filter((text) => languageOf(text) !== null)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

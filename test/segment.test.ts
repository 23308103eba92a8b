import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/segment/index.js';

const english = (text: string) => splitSentences(text, 'en').map((sentence) => sentence.text);
const chinese = (text: string) => splitSentences(text, 'zh').map((sentence) => sentence.text);

describe('English sentences', () => {
  it.each([
    [
      'H.E. Li Qiang, Premier of the State Council, met him. He left.',
      ['H.E. Li Qiang, Premier of the State Council, met him.', 'He left.'],
    ],
    [
      'Mr. Adams and Dr. Wu met Prof. Tan. They talked.',
      ['Mr. Adams and Dr. Wu met Prof. Tan.', 'They talked.'],
    ],
    [
      'The U.S. Congress and the U.N. Security Council met.',
      ['The U.S. Congress and the U.N. Security Council met.'],
    ],
    [
      'He moved to the U.S. The next year he returned.',
      ['He moved to the U.S.', 'The next year he returned.'],
    ],
    ['See No. 5 on Feb. 26 at 3.5 p.m. sharp.', ['See No. 5 on Feb. 26 at 3.5 p.m. sharp.']],
    [
      'It cost 30,000 yuan, or 3.5% more. Prices rose.',
      ['It cost 30,000 yuan, or 3.5% more.', 'Prices rose.'],
    ],
    ['J. R. R. Tolkien wrote it. Readers loved it.', ['J. R. R. Tolkien wrote it.', 'Readers loved it.']],
    ['1. The two sides agreed. They signed.', ['1. The two sides agreed.', 'They signed.']],
    ['He said, "We are ready." Then he left.', ['He said, "We are ready."', 'Then he left.']],
    ['“Is it over?” she asked. “Yes!” he said.', ['“Is it over?” she asked.', '“Yes!” he said.']],
    ['Apples, pears, etc. are sold here.', ['Apples, pears, etc. are sold here.']],
    ['Wait... what happened? Nobody knew.', ['Wait... what happened?', 'Nobody knew.']],
    [
      'Exports grew by 6.3%.[1] We will open up wider.¹ Thank you.',
      ['Exports grew by 6.3%.[1]', 'We will open up wider.¹', 'Thank you.'],
    ],
  ])('%s', (text, expected) => {
    expect(english(text)).toEqual(expected);
  });
});

describe('Chinese sentences', () => {
  it.each([
    [
      '保护人权是共同事业。当前，形势动荡加剧！你同意吗？',
      ['保护人权是共同事业。', '当前，形势动荡加剧！', '你同意吗？'],
    ],
    ['他说：“我们准备好了。”大家都笑了。', ['他说：“我们准备好了。”', '大家都笑了。']],
    [
      '一、双方一致认为，友谊历久弥坚；合作成果丰硕。二、双方同意加强合作。',
      ['一、双方一致认为，友谊历久弥坚；合作成果丰硕。', '二、双方同意加强合作。'],
    ],
    ['“你去哪儿……”她问。“回家……”', ['“你去哪儿……”她问。', '“回家……”']],
    ['“我再想想……”老王笑着说。', ['“我再想想……”老王笑着说。']],
    ['“不过……不过……”老陈道：“不过什么？”', ['“不过……不过……”', '老陈道：“不过什么？”']],
    [
      '“就是他把我们抓进去的……”说到这里，他突然停住了。',
      ['“就是他把我们抓进去的……”', '说到这里，他突然停住了。'],
    ],
    ['（以上内容仅供参考。）下文从略。', ['（以上内容仅供参考。）', '下文从略。']],
    ['近3万名平民丧生，近两百万人流离失所', ['近3万名平民丧生，近两百万人流离失所']],
    ['出口增长6.3%。[1]欢迎来华投资。①谢谢大家。', ['出口增长6.3%。[1]', '欢迎来华投资。①', '谢谢大家。']],
  ])('%s', (text, expected) => {
    expect(chinese(text)).toEqual(expected);
  });
});

describe('segmentation loses and duplicates no character', () => {
  const pieces = [
    'Mr.',
    'H.E.',
    'U.S.',
    '3.5',
    'No. 5',
    '。',
    '！',
    '？',
    '”',
    '“',
    '……',
    '一、',
    ' ',
    'word',
    '人权',
    '.',
    '?',
    ' The',
    '\n',
    '，',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 40 })
    .map((parts) => parts.join(''));

  for (const lang of ['en', 'zh'] as const) {
    it(`in ${lang}`, () => {
      fc.assert(
        fc.property(text, (input) => {
          const sentences = splitSentences(input, lang);
          let rebuilt = '';
          let cursor = 0;
          for (const sentence of sentences) {
            expect(sentence.start).toBeGreaterThanOrEqual(cursor);
            expect(input.slice(cursor, sentence.start).trim()).toBe('');
            expect(input.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
            rebuilt += sentence.text;
            cursor = sentence.start + sentence.text.length;
          }
          expect(input.slice(cursor).trim()).toBe('');
          expect(rebuilt.replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
        }),
      );
    });
  }
});

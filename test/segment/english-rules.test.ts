import { describe, expect, it } from 'vitest';
import { boundaryVeto, CANDIDATE_PARTS, type Candidate } from '../../src/segment/english.js';

const candidate = (
  mark: string,
  wordBefore: string,
  nextWord: string,
  wordBeforeIsAll = false,
): Candidate => ({
  mark,
  wordBefore,
  nextWord,
  wordBeforeIsAll,
});

describe('English boundary vetoes, each on its own', () => {
  it.each([
    // [mark, word before, next word, word before is all the text, the veto that applies]
    ['.', 'port', 'and', false, 'nextWordIsLowercase'],
    ['?', 'why', 'he', false, 'nextWordIsLowercase'],
    ['.', 'etc', ',', false, 'nextIsClausePunctuation'],
    ['.', 'Mr', 'Li', false, 'abbreviationNeverFinal'],
    ['.', 'Feb', '26,', false, 'abbreviationNeverFinal'],
    ['.', 'H.E', 'Li', false, 'abbreviationNeverFinal'],
    ['.', 'J', 'Smith', false, 'initialBeforeName'],
    ['.', 'U.S', 'Congress', false, 'abbreviationBeforeNonStarter'],
    ['.', 'Inc', 'Shares', false, 'abbreviationBeforeNonStarter'],
    ['.', '3', 'Harbours', true, 'listNumber'],
  ])('"%s" after "%s" before "%s" (alone: %s) is vetoed by %s', (mark, before, next, alone, rule) => {
    expect(boundaryVeto(candidate(mark, before, next, alone))).toBe(rule);
  });

  it.each([
    ['.', 'harbour', 'The'],
    ['!', 'Mr', 'Li'],
    ['.', 'U.S', 'The'],
    ['.', 'A', 'The'],
    ['.', 'etc', 'We'],
    ['.', '3', 'Harbours'],
    ['…', 'said', 'Then'],
  ])('"%s" after "%s" before "%s" ends a sentence', (mark, before, next) => {
    expect(boundaryVeto(candidate(mark, before, next))).toBeNull();
  });
});

describe('the parts of a candidate boundary', () => {
  const whole = (part: string) => new RegExp(`^(?:${part})$`, 'u');

  it.each([
    ['endMarks', '.', true],
    ['endMarks', '?!', true],
    ['endMarks', '……', true],
    ['endMarks', '...', true],
    ['endMarks', ',', false],
    ['closers', '', true],
    ['closers', '”', true],
    ['closers', '")', true],
    ['closers', '[1]', true],
    ['closers', '’¹', true],
    ['closers', '[1234]', false],
    ['space', ' ', true],
    ['space', '\n  ', true],
    ['space', '', false],
  ] as const)('%s matches %j: %s', (part, text, matches) => {
    expect(whole(CANDIDATE_PARTS[part]).test(text)).toBe(matches);
  });
});

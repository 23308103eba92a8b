import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatSuffixes, renderDocument } from '../src/export/index.js';
import { pairsDocument } from './pairs-fixture.js';

describe('the files a format writes', () => {
  const document = pairsDocument('harbour', [['The harbour opened.', '港口开放了。']]);

  it.each(FORMAT_NAMES)('%s: known before rendering, as rendering names them', (format) => {
    expect(formatSuffixes(format)).toEqual(renderDocument(document, format).map((file) => file.suffix));
  });
});

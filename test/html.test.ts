import { describe, expect, it } from 'vitest';
import { htmlBlocks } from '../src/ingest/html.js';

describe('reading a web page', () => {
  it('keeps headings, bold lines, paragraphs and table cells, and drops page furniture', () => {
    const blocks = htmlBlocks(
      `<html><body><nav>Home 首页</nav><h1>Title</h1><p><b>March 18, 2025</b></p><p>One<br>line.</p>
       <table><tr><td>Left.</td><td>右。</td></tr></table><footer>© 2025</footer><script>x()</script></body></html>`,
      'page.html',
    );
    expect(blocks.map((block) => [block.markup, block.text])).toEqual([
      ['heading', 'Title'],
      ['bold', 'March 18, 2025'],
      ['plain', 'One line.'],
      ['plain', 'Left.'],
      ['plain', '右。'],
    ]);
  });
});

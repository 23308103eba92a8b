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

describe('reading a web page without paragraph elements', () => {
  it('takes text standing in containers, a paragraph at each blank line (<br><br>)', () => {
    const blocks = htmlBlocks(
      `<html><head><title>Notice 通知</title></head><body><div class="content">
       <strong>Joint Statement</strong><br><br>
       The two sides held talks.<br>They agreed to meet again.<br><br>
       双方举行了会谈。<br>双方同意再次会面。
       <div>第二段。</div>Trailing text.</div></body></html>`,
      'notice.html',
    );
    expect(blocks.map((block) => [block.markup, block.text])).toEqual([
      ['bold', 'Joint Statement'],
      ['plain', 'The two sides held talks. They agreed to meet again.'],
      ['plain', '双方举行了会谈。双方同意再次会面。'],
      ['plain', '第二段。'],
      ['plain', 'Trailing text.'],
    ]);
  });

  it('splits a paragraph whose lines change language at a line break', () => {
    const blocks = htmlBlocks(
      '<p>The two sides held talks.<br>双方举行了会谈。<br>They agreed.<br>双方达成一致。</p>',
      'x.html',
    );
    expect(blocks.map((block) => block.text)).toEqual([
      'The two sides held talks.',
      '双方举行了会谈。',
      'They agreed.',
      '双方达成一致。',
    ]);
  });

  it('leaves out pinyin written over characters, and keeps a bold word inside a plain paragraph plain', () => {
    const blocks = htmlBlocks(
      '<p><ruby>港<rt>gǎng</rt></ruby><ruby>口<rt>kǒu</rt></ruby>很忙。</p><p>The <b>port</b> is busy.</p>',
      'ruby.html',
    );
    expect(blocks.map((block) => [block.markup, block.text])).toEqual([
      ['plain', '港口很忙。'],
      ['plain', 'The port is busy.'],
    ]);
  });
});

describe('page furniture in divs', () => {
  it('drops navigation, breadcrumbs, sharing buttons and page footers named by class or id, and keeps an article header', () => {
    const blocks = htmlBlocks(
      `<html><body>
       <div id="top-header"><p>China Daily · 中国日报</p></div>
       <div class="main-nav"><p>Home 首页</p></div>
       <div class="breadcrumb"><p>World › Asia</p></div>
       <article><header><h1>Ports That Breathe</h1><p><b>March 18, 2025</b></p></header>
       <p>Welcome to Donggang.</p><p>欢迎大家来到东港。</p>
       <div class="share-buttons"><p>Share 分享</p></div></article>
       <div class="site-footer"><p>© 2025 版权所有</p></div>
       </body></html>`,
      'page.html',
    );
    expect(blocks.map((block) => block.text)).toEqual([
      'Ports That Breathe',
      'March 18, 2025',
      'Welcome to Donggang.',
      '欢迎大家来到东港。',
    ]);
  });
});

describe('a translator table of more than two columns', () => {
  it('keeps the English and the Chinese column, row by row', () => {
    const blocks = htmlBlocks(
      `<table>
        <tr><th>No.</th><th>Status</th><th>Source</th><th>译文</th></tr>
        <tr><td>1</td><td>done</td><td>The port will be electrified.</td><td>港口将实现电气化。</td></tr>
        <tr><td>2</td><td>review</td><td>Every berth will offer shore power.</td><td>每个泊位都将提供岸电。</td></tr>
        <tr><td>3</td><td>done</td><td>Ships will no longer burn diesel.</td><td>船舶不再燃烧柴油。</td></tr>
      </table>`,
      'table.html',
    );
    expect(blocks.map((block) => block.text)).toEqual([
      'Source',
      '译文',
      'The port will be electrified.',
      '港口将实现电气化。',
      'Every berth will offer shore power.',
      '每个泊位都将提供岸电。',
      'Ships will no longer burn diesel.',
      '船舶不再燃烧柴油。',
    ]);
  });
});

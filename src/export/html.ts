import type { AlignedDocument, Pair } from '../model/document.js';
import { documentName } from '../model/names.js';
import { isDoubtful } from '../pairs/doubtful.js';
import { type ExportFile, type ExportOptions, escapeXml, selectedPairs } from './shared.js';

const STYLE = `
body { font: 15px/1.55 system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 2rem auto; max-width: 72rem; color: #1d1d1f; }
h1 { font-size: 1.3rem; } table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #e5e5ea; width: 46%; }
td.meta { width: 8%; font-size: .75rem; color: #6e6e73; white-space: nowrap; }
tr.title td, tr.toc td { font-weight: 600; } tr.doubtful { background: #fff4e5; } tr.one-sided { background: #fdecea; }
.flags { display: block; color: #b25000; }
`;

function row(pair: Pair): string {
  const classes = [
    pair.role,
    pair.flags.includes('one-sided') ? 'one-sided' : isDoubtful(pair) ? 'doubtful' : '',
  ].filter(Boolean);
  const flags = pair.flags.length ? `<span class="flags">${escapeXml(pair.flags.join(', '))}</span>` : '';
  return `<tr class="${classes.join(' ')}"><td class="meta">${escapeXml(pair.role)}<br>${pair.score.toFixed(2)}${flags}</td><td lang="en">${escapeXml(pair.en)}</td><td lang="zh">${escapeXml(pair.zh)}</td></tr>`;
}

/** A self-contained side-by-side reading view, readable offline; doubtful pairs highlighted. */
export function renderHtml(documents: readonly AlignedDocument[], options: ExportOptions): ExportFile[] {
  const title = escapeXml(documents.length === 1 && documents[0] ? documentName(documents[0]) : 'corpus');
  const sections = documents.map(
    (document) => `<h1>${escapeXml(documentName(document))}</h1>
<table>
${selectedPairs(document, options).map(row).join('\n')}
</table>`,
  );
  const text = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — bitext</title><style>${STYLE}</style></head>
<body>
${sections.join('\n')}
</body></html>
`;
  return [{ suffix: '.html', text }];
}

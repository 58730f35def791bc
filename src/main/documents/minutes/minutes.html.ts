import { escapeHtml } from './format';
import { extractBlocks, minutesBlocks, type Block, type ExtractModel, type MinutesModel, type PersonLine } from './minutes.model';

/**
 * Standalone print HTML: what the app prints and turns into PDF. No scripts and no external resources,
 * so it renders the same in a locked-down window, in printToPDF and in a test browser.
 */
const CSS = `
@page { size: A4; margin: 20mm 10mm 20mm 30mm; @top-center { content: counter(page); font: 14pt "Times New Roman", "Liberation Serif", serif; } }
@page :first { @top-center { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.15; color: #000; background: #fff; }
@media screen { body { max-width: 170mm; margin: 10mm auto; padding: 0 10mm; } body.landscape { max-width: 257mm; } }
p { margin: 0; orphans: 2; widows: 2; text-align: justify; hyphens: manual; overflow-wrap: anywhere; }
p.left { text-align: left; } p.center { text-align: center; } p.right { text-align: right; }
p.indent { text-indent: 12.5mm; }
p.gap, .dateline.gap, table.gap { margin-top: 14pt; }
p.small-gap { margin-top: 6pt; }
p.half { margin-left: 50%; text-align: left; }
p.keep { break-after: avoid-page; page-break-after: avoid; }
p.small { font-size: 12pt; }
table.grid { margin-bottom: 14pt; }
table.grid th, table.grid td { border: 0.5pt solid #000; padding: 0.5mm 1.5mm; vertical-align: top; text-align: left; white-space: pre-line; overflow-wrap: break-word; hyphens: auto; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid thead tr.numbers th { font-weight: normal; }
table.grid td.center { text-align: center; }
table.grid.small { font-size: 12pt; }
thead { display: table-header-group; }
.fill { display: flex; align-items: baseline; margin-top: 7pt; }
.fill span { flex: 1; border-bottom: 0.5pt solid #000; min-height: 1.15em; margin-left: 2pt; }
.rule { border-bottom: 1.5pt solid #000; margin: 2pt 0 7pt; }
.dateline { display: flex; justify-content: space-between; margin-top: 14pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
td { padding: 0; vertical-align: top; overflow-wrap: anywhere; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.people td.pos { width: 68%; padding: 0 0 2pt 0; }
table.people td.name { width: 32%; padding-left: 6pt; vertical-align: bottom; }
table.people td.no { width: 8mm; }
table.sign td { vertical-align: bottom; }
table.sign td.role { width: 50%; vertical-align: top; padding-top: 28pt; }
table.sign.compact td.role { padding-top: 0; }
table.sign td.blank { width: 20%; }
table.sign td.name { width: 30%; text-align: right; }
.pagebreak { break-before: page; page-break-before: always; }
`;

function runs(block: Extract<Block, { t: 'p' }>): string {
  return block.runs.map((r) => (r.bold ? `<b>${escapeHtml(r.text)}</b>` : escapeHtml(r.text))).join('');
}

function people(rows: PersonLine[], numbered: boolean): string {
  const body = rows
    .map(
      (r, i) =>
        `<tr>${numbered ? `<td class="no">${i + 1}.</td>` : ''}<td class="pos">${escapeHtml(r.position ? `${r.position}\u00a0—` : '')}</td><td class="name">${escapeHtml(r.name)}</td></tr>`,
    )
    .join('');
  return `<table class="people">${body}</table>`;
}

function grid(b: Extract<Block, { t: 'grid' }>, classes: string[]): string {
  const total = b.columns.reduce((sum, c) => sum + c.width, 0);
  const cols = b.columns.map((c) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`).join('');
  const titled = b.columns.some((c) => c.title);
  const head = titled
    ? `<thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('')}</tr>${b.numbered ? `<tr class="numbers">${b.columns.map((_, i) => `<th>${i + 1}</th>`).join('')}</tr>` : ''}</thead>`
    : '';
  const body = b.rows.map((r) => `<tr>${r.map((v, i) => `<td${b.columns[i]?.align === 'center' ? ' class="center"' : ''}>${escapeHtml(v)}</td>`).join('')}</tr>`).join('');
  return `<table class="${['grid', ...(b.small ? ['small'] : []), ...classes].join(' ')}"><colgroup>${cols}</colgroup>${head}<tbody>${body}</tbody></table>`;
}

function render(blocks: Block[]): string {
  let breakNext = false;
  const out: string[] = [];
  for (const b of blocks) {
    if (b.t === 'pagebreak') {
      breakNext = true;
      continue;
    }
    const classes: string[] = breakNext ? ['pagebreak'] : [];
    breakNext = false;
    switch (b.t) {
      case 'p':
        if (b.align && b.align !== 'justify') classes.push(b.align);
        if (b.indent) classes.push('indent');
        if (b.gap) classes.push('gap');
        else if (b.smallGap) classes.push('small-gap');
        if (b.rightHalf) classes.push('half');
        if (b.keepNext) classes.push('keep');
        if (b.small) classes.push('small');
        out.push(`<p${classes.length ? ` class="${classes.join(' ')}"` : ''}>${runs(b)}</p>`);
        break;
      case 'dateline':
        out.push(`<div class="${['dateline', ...classes].join(' ')}"><span>${escapeHtml(b.date)}</span><span>${escapeHtml(b.number)}</span></div>`);
        break;
      case 'people':
        out.push(people(b.rows, !!b.numbered));
        break;
      case 'signatures':
        out.push(
          `<table class="sign${b.compact ? ' compact' : ''}">${b.rows
            .map(
              (r) =>
                `<tr><td class="role">${escapeHtml(r.label)}${r.position ? `<br>${escapeHtml(r.position)}` : ''}</td><td class="blank"></td><td class="name">${escapeHtml(r.name)}</td></tr>`,
            )
            .join('')}</table>`,
        );
        break;
      case 'grid':
        out.push(grid(b, classes));
        break;
      case 'fill':
        out.push(`<div class="${['fill', ...classes].join(' ')}">${b.label ? escapeHtml(b.label) : ''}<span></span></div>`);
        break;
      case 'rule':
        out.push(`<div class="${['rule', ...classes].join(' ')}"></div>`);
        break;
    }
  }
  return out.join('\n');
}

/** Any document drawn from layout blocks, as a standalone print page; registers are printed across the page. */
export function page(title: string, blocks: Block[], options: { landscape?: boolean } = {}): string {
  return `<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}${options.landscape ? '@page { size: A4 landscape; }' : ''}</style>
</head>
<body${options.landscape ? ' class="landscape"' : ''}>
${render(blocks)}
</body>
</html>
`;
}

export function renderMinutesHtml(model: MinutesModel): string {
  return page(`Протокол ${model.number} від ${model.date}`, minutesBlocks(model));
}

export function renderExtractHtml(model: ExtractModel): string {
  return page(`Витяг з протоколу ${model.number} від ${model.date}`, extractBlocks(model));
}

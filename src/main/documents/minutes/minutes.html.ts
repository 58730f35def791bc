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
@media screen { body { max-width: 170mm; margin: 10mm auto; padding: 0 10mm; } }
p { margin: 0; orphans: 2; widows: 2; text-align: justify; hyphens: manual; overflow-wrap: anywhere; }
p.left { text-align: left; } p.center { text-align: center; } p.right { text-align: right; }
p.indent { text-indent: 12.5mm; }
p.gap, .dateline.gap, table.gap { margin-top: 14pt; }
p.small-gap { margin-top: 6pt; }
p.half { margin-left: 50%; text-align: left; }
p.keep { break-after: avoid-page; page-break-after: avoid; }
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
    }
  }
  return out.join('\n');
}

/** Any document drawn from layout blocks, as a standalone print page. */
export function page(title: string, blocks: Block[]): string {
  return `<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
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

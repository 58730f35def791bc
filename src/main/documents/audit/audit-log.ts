import { escapeHtml } from '../minutes/format';

/** One event as the exported log prints it, already worded in Ukrainian by the audit feature. */
export interface AuditLogLine {
  seq: number;
  /** ДД.ММ.РРРР ГГ:ХХ:СС, Kyiv time. */
  time: string;
  /** The instant as stored (UTC), for an auditor who compares with other systems. */
  ts: string;
  login: string;
  userName: string;
  action: string;
  actionCode: string;
  entity: string;
  /** False where the record's words name its kind already (the PDF then leaves the kind out; the CSV keeps a column). */
  kindNeeded: boolean;
  record: string;
  recordId: string;
  details: string;
  workstation: string;
}

/** What the file is: the title block of the PDF and the name of the file. */
export interface AuditLogHeading {
  title: string;
  body: string;
  /** «Дія: …», «Користувач: …», or that the whole log is shown. */
  filter: string[];
  period: string;
  exportedBy: string;
  exportedAt: string;
}

/**
 * A spreadsheet opens a cell that starts with = + - @ (or a tab or carriage return, which some of them skip
 * before looking) as a formula: a record's name typed as `=HYPERLINK(…)` would run in the auditor's Excel. Such
 * a cell gets a leading apostrophe, which the spreadsheet shows as text and does not evaluate (OWASP's advice).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number): string {
  const text = neutraliseFormula(String(value));
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS: [string, (l: AuditLogLine) => string | number][] = [
  ['№ події', (l) => l.seq],
  ['Час (Київ)', (l) => l.time],
  ['Час (UTC)', (l) => l.ts],
  ['Логін', (l) => l.login],
  ['Користувач', (l) => l.userName],
  ['Дія', (l) => l.action],
  ['Код дії', (l) => l.actionCode],
  ['Об’єкт', (l) => l.entity],
  ['Запис', (l) => l.record],
  ['Ідентифікатор запису', (l) => l.recordId],
  ['Подробиці', (l) => l.details],
  ['Робоче місце', (l) => l.workstation],
];

/**
 * UTF-8 with a byte-order mark, semicolons between cells, CRLF between rows: what Excel with Ukrainian regional
 * settings opens by a double click into columns with the Cyrillic intact. Without the mark Excel reads the file
 * as Windows-1251; with commas it keeps each row in one cell, since a comma is the decimal separator there and
 * the list separator is the semicolon. LibreOffice and scripts read this shape as well. A plain table, one header
 * row: the filter and period are in the file's name and in the audit event of the export.
 */
export function renderAuditCsv(lines: AuditLogLine[]): Buffer {
  const rows = [CSV_COLUMNS.map(([title]) => csvCell(title)).join(';'), ...lines.map((l) => CSV_COLUMNS.map(([, value]) => csvCell(value(l))).join(';'))];
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');
}

const CSS = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
  @bottom-right { content: "Сторінка " counter(page) " з " counter(pages); font: 8pt "Liberation Sans", Arial, sans-serif; }
  @bottom-left { content: FOOTER; font: 8pt "Liberation Sans", Arial, sans-serif; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Liberation Sans", Arial, sans-serif; font-size: 8.5pt; line-height: 1.25; color: #000; background: #fff; }
@media screen { body { max-width: 277mm; margin: 8mm auto; } }
h1 { font-size: 13pt; margin: 0 0 1mm; }
.body { font-size: 9pt; margin: 0 0 2mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 3mm; font-size: 9pt; }
dt { font-weight: bold; } dd { margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 0.4pt solid #777; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8e8e8; font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; }
.dim { color: #444; font-size: 7.5pt; }
col.seq { width: 12mm; } col.time { width: 31mm; } col.user { width: 42mm; } col.action { width: 52mm; }
col.record { width: 66mm; } col.ws { width: 24mm; }
td.time { white-space: nowrap; }
.empty { margin-top: 4mm; font-style: italic; }
`;

/** The log as an A4 landscape table: what the PDF is printed from. No scripts, no external resources. */
export function renderAuditHtml(heading: AuditLogHeading, lines: AuditLogLine[]): string {
  // A CSS string in the page's margin box: the words are ours, but quotes and backslashes are escaped all the same.
  const footer = `"${`${heading.title} · ${heading.exportedAt}`.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]/g, ' ')}"`;
  const facts: [string, string][] = [
    ['Фільтр', heading.filter.join('; ')],
    ['Період', heading.period],
    ['Подій', String(lines.length)],
    ['Вивантажено', `${heading.exportedAt}, ${heading.exportedBy}`],
  ];
  const body = lines
    .map(
      (l) =>
        `<tr><td class="num">${l.seq}</td><td class="time">${escapeHtml(l.time)}</td><td>${escapeHtml(l.login || l.userName)}${l.login && l.userName ? `<div class="dim">${escapeHtml(l.userName)}</div>` : ''}</td>` +
        `<td>${escapeHtml(l.action)}</td><td>${l.entity && l.kindNeeded ? `<span class="dim">${escapeHtml(l.entity)}</span>${l.record ? ' ' : ''}` : ''}${escapeHtml(l.record)}</td>` +
        `<td>${escapeHtml(l.details)}</td><td>${escapeHtml(l.workstation)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>${escapeHtml(heading.title)}</title><style>${CSS.replace('FOOTER', footer)}</style></head><body>
<h1>${escapeHtml(heading.title)}</h1>
${heading.body ? `<p class="body">${escapeHtml(heading.body)}</p>` : ''}
<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<table><colgroup><col class="seq"><col class="time"><col class="user"><col class="action"><col class="record"><col><col class="ws"></colgroup>
<thead><tr><th>№</th><th>Час (Київ)</th><th>Користувач</th><th>Дія</th><th>Запис</th><th>Подробиці</th><th>Робоче місце</th></tr></thead>
<tbody>${body}</tbody></table>
${lines.length === 0 ? '<p class="empty">Подій за цими умовами немає.</p>' : ''}
</body></html>`;
}

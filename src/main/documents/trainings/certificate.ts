import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, SectionType, TabStopType, TextRun, type ISectionOptions } from 'docx';
import type { Participant } from '../../../shared/domain/trainings';
import { escapeHtml, formatDate, typographic } from '../minutes/format';
import { dates, fullName, hoursPhrase, KIND_LOCATIVE, quoted, tookPart, type TrainingDocData } from './training-words';

/**
 * The certificate of a participant: a landscape A4 page with a double border, as certificates look. One page each;
 * the whole training's certificates are one file of such pages. The DOCX and the print page are drawn from the
 * same lines, so they say the same words.
 */

interface Line {
  text: string;
  /** Points. */
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Points of space above. */
  before?: number;
  spaced?: boolean;
}

export interface CertificatePage {
  number: string;
  lines: Line[];
  issuedOn: string;
  signer: string;
}

function venue(data: TrainingDocData): string {
  const t = data.training;
  if (t.format === 'online') return 'онлайн';
  return [data.venueName, typographic(t.place)].filter(Boolean).join(', ');
}

export function certificatePage(data: TrainingDocData, p: Participant): CertificatePage {
  const t = data.training;
  const organisers = t.organisers.map((o) => typographic(o.name));
  const where = venue(data);
  return {
    number: p.certificate ? `№ ${p.certificate.number}` : '№ ____',
    issuedOn: p.certificate ? formatDate(p.certificate.issuedOn) : '',
    signer: organisers[0] ?? '',
    lines: [
      ...organisers.map((name, i) => ({
        text: name,
        size: 13,
        before: i === 0 ? 0 : 2,
      })),
      { text: 'СЕРТИФІКАТ', size: 40, bold: true, before: 48, spaced: true },
      {
        text: p.certificate ? `№ ${p.certificate.number}` : '',
        size: 14,
        before: 10,
      },
      { text: 'засвідчує, що', size: 14, before: 36 },
      { text: typographic(fullName(p)), size: 26, bold: true, before: 16 },
      {
        text: [typographic(p.position), typographic(p.organisationName)].filter(Boolean).join(', '),
        size: 13,
        italic: true,
        before: 8,
      },
      {
        text: `${tookPart(p.patronymic)} участь у ${KIND_LOCATIVE[t.kind]}`,
        size: 14,
        before: 30,
      },
      { text: quoted(t.title), size: 18, bold: true, before: 8 },
      { text: `${dates(t)}${where ? `, ${where}` : ''}`, size: 14, before: 24 },
      { text: `обсягом ${hoursPhrase(t.hours)}`, size: 14, before: 4 },
    ].filter((l) => l.text !== ''),
  };
}

/* ------------------------------------------------------------------------------------------ DOCX */

const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = Math.round(15 * MM);
const TEXT_WIDTH = PAGE.height - 2 * MARGIN;
const FRAME = {
  style: BorderStyle.DOUBLE,
  size: 12,
  color: '1F3864',
  space: 24,
} as const;

function section(page: CertificatePage): ISectionOptions {
  const paragraphs = page.lines.map(
    (l) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: Math.round((l.before ?? 0) * 20) },
        children: [
          new TextRun({
            text: l.text,
            size: l.size * 2,
            bold: l.bold,
            italics: l.italic,
            characterSpacing: l.spaced ? 120 : undefined,
          }),
        ],
      }),
  );
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { ...PAGE, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
        borders: {
          pageBorderTop: FRAME,
          pageBorderRight: FRAME,
          pageBorderBottom: FRAME,
          pageBorderLeft: FRAME,
        },
      },
    },
    children: [
      ...paragraphs,
      new Paragraph({
        spacing: { before: 96 * 20 },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({
            text: `Дата видачі: ${page.issuedOn || '____________'}`,
            size: 28,
          }),
          new TextRun({ text: '\t____________________', size: 28 }),
        ],
      }),
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [new TextRun({ text: '\t', size: 28 }), new TextRun({ text: `Від організатора: ${page.signer}`, size: 22 })],
      }),
    ],
  };
}

export function certificatesDocx(pages: CertificatePage[], title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Zlagoda',
    styles: {
      default: {
        document: {
          run: {
            font: 'Times New Roman',
            size: 28,
            language: { value: 'uk-UA' },
          },
          paragraph: { spacing: { line: 240, before: 0, after: 0 } },
        },
      },
    },
    sections: pages.map(section),
  });
  return Packer.toBuffer(doc);
}

/* ------------------------------------------------------------------------------------------ HTML */

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Times New Roman", "Liberation Serif", serif; color: #000; background: #fff; }
.page { height: 185mm; border: 4px double #1F3864; padding: 12mm 18mm; display: flex; flex-direction: column; text-align: center; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.page p { margin: 0; }
.foot { margin-top: auto; display: flex; justify-content: space-between; align-items: flex-end; font-size: 14pt; text-align: left; }
.foot .sign { text-align: right; }
.foot .sign small { display: block; font-size: 10pt; }
.spaced { letter-spacing: 6pt; }
`;

function pageHtml(page: CertificatePage): string {
  const lines = page.lines
    .map((l) => {
      const style = `font-size:${l.size}pt;margin-top:${l.before ?? 0}pt;${l.bold ? 'font-weight:bold;' : ''}${l.italic ? 'font-style:italic;' : ''}`;
      return `<p style="${style}"${l.spaced ? ' class="spaced"' : ''}>${escapeHtml(l.text)}</p>`;
    })
    .join('\n');
  return `<section class="page">${lines}
<div class="foot"><span>Дата видачі: ${escapeHtml(page.issuedOn || '____________')}</span><span class="sign">____________________<small>Від організатора: ${escapeHtml(page.signer)}</small></span></div></section>`;
}

export function certificatesHtml(pages: CertificatePage[], title: string): string {
  return `<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${pages.map(pageHtml).join('\n')}
</body>
</html>
`;
}

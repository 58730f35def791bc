import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ITableCellBorders,
} from 'docx';
import { extractBlocks, minutesBlocks, type Block, type ExtractModel, type MinutesModel, type PersonLine } from './minutes.model';

/** Twips per millimetre (1440 per inch). */
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
/** ДСТУ 4163:2020: left ≥ 30 mm, right ≥ 10 mm, top and bottom ≥ 20 mm. */
const MARGIN = { top: Math.round(20 * MM), right: Math.round(10 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Paragraph indent of 1.25 cm, the usual in Ukrainian official texts. */
const INDENT = Math.round(12.5 * MM);
const FONT = 'Times New Roman';
const SIZE = 28;
const GAP = 240;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const TABLE_NO_BORDERS = { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

function text(value: string, bold = false): TextRun {
  return new TextRun({ text: value, bold });
}

function cell(width: number, children: Paragraph[], align: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] = VerticalAlignTable.TOP): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: align, children });
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_NO_BORDERS,
    // Zero cell margins keep the columns' text on the page margin, in line with the paragraphs above.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows,
  });
}

function people(rows: PersonLine[], numbered: boolean): Table {
  const nameWidth = Math.round(TEXT_WIDTH * 0.32);
  const numberWidth = numbered ? 600 : 0;
  const widths = [...(numbered ? [numberWidth] : []), TEXT_WIDTH - nameWidth - numberWidth, nameWidth];
  return table(
    widths,
    rows.map(
      (r, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            ...(numbered ? [cell(numberWidth, [new Paragraph({ children: [text(`${i + 1}.`)] })])] : []),
            // The dash ties position to name the way a typed list does; the name column stays aligned.
            cell(widths[numbered ? 1 : 0]!, [new Paragraph({ spacing: { after: 60 }, children: [text(r.position ? `${r.position}\u00a0—` : '')] })]),
            cell(nameWidth, [new Paragraph({ indent: { left: 120 }, children: [text(r.name)] })], VerticalAlignTable.BOTTOM),
          ],
        }),
    ),
  );
}

function signatures(rows: { label: string; position: string; name: string }[], compact: boolean): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.5), Math.round(TEXT_WIDTH * 0.2)];
  const last = TEXT_WIDTH - widths[0]! - widths[1]!;
  return table(
    [...widths, last],
    rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(widths[0]!, [
              new Paragraph({ spacing: { before: compact ? 0 : 2 * GAP }, keepNext: true, children: [text(r.label)] }),
              ...(r.position ? [new Paragraph({ children: [text(r.position)] })] : []),
            ]),
            // The blank is where the pen goes; a bottom border would be a line the standard does not ask for.
            cell(widths[1]!, [new Paragraph('')], VerticalAlignTable.BOTTOM),
            cell(last, [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(r.name)] })], VerticalAlignTable.BOTTOM),
          ],
        }),
    ),
  );
}

function render(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        out.push(
          new Paragraph({
            alignment: ALIGN[b.align ?? 'justify'],
            indent: b.rightHalf ? { left: Math.round(TEXT_WIDTH / 2) } : b.indent ? { firstLine: INDENT } : undefined,
            spacing: { before: b.gap ? GAP : b.smallGap ? GAP / 2 : 0 },
            keepNext: b.keepNext,
            keepLines: b.keepNext,
            children: b.runs.map((r) => text(r.text, r.bold)),
          }),
        );
        break;
      case 'dateline':
        out.push(
          new Paragraph({
            spacing: { before: GAP },
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
            children: [text(b.date), text(`\t${b.number}`)],
          }),
        );
        break;
      case 'people':
        out.push(people(b.rows, !!b.numbered));
        break;
      case 'signatures':
        out.push(signatures(b.rows, !!b.compact));
        break;
      case 'pagebreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

/** Any document drawn from layout blocks (minutes, extracts, the notice) in the one official page style. */
export async function pack(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Zlagoda',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE, language: { value: 'uk-UA' } },
          paragraph: { spacing: { line: 240, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          // Page numbers from the second page, centred in the top margin (ДСТУ 4163:2020).
          titlePage: true,
          page: { size: PAGE, margin: { ...MARGIN, header: Math.round(10 * MM), footer: Math.round(10 * MM) } },
        },
        headers: {
          first: new Header({ children: [new Paragraph('')] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children: render(blocks),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export function renderMinutesDocx(model: MinutesModel): Promise<Buffer> {
  return pack(minutesBlocks(model), `Протокол ${model.number} від ${model.date}`);
}

export function renderExtractDocx(model: ExtractModel): Promise<Buffer> {
  return pack(extractBlocks(model), `Витяг з протоколу ${model.number} від ${model.date}`);
}

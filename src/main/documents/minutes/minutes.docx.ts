import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LeaderType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ITableCellBorders,
} from 'docx';
import { extractBlocks, minutesBlocks, type Block, type ExtractModel, type GridColumn, type MinutesModel, type PersonLine } from './minutes.model';

/** Twips per millimetre (1440 per inch). */
export const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
/** ДСТУ 4163:2020: left ≥ 30 mm, right ≥ 10 mm, top and bottom ≥ 20 mm. */
const MARGIN = { top: Math.round(20 * MM), right: Math.round(10 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM) };
/** The width of the text on a portrait page of the official style, in twips. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Registers are printed across the page: the same margins, the long side as the width. */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
/** Paragraph indent of 1.25 cm, the usual in Ukrainian official texts. */
const INDENT = Math.round(12.5 * MM);
const FONT = 'Times New Roman';
const SIZE = 28;
const SMALL = 24;
const GAP = 240;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const TABLE_NO_BORDERS = { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

function text(value: string, bold = false, size?: number): TextRun {
  return new TextRun({ text: value, bold, size });
}

function cell(width: number, children: Paragraph[], align: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] = VerticalAlignTable.TOP): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: align, children });
}

/** A layout table without lines (people, signatures), or a ruled one (registers, record cards) with room inside its cells. */
function table(widths: number[], rows: TableRow[], width = TEXT_WIDTH, ruled = false): Table {
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ruled ? GRID_BORDERS : TABLE_NO_BORDERS,
    // Zero cell margins keep an unruled table's text on the page margin, in line with the paragraphs above.
    margins: ruled ? { left: 85, right: 85, top: 30, bottom: 30 } : { left: 0, right: 0, top: 0, bottom: 0 },
    rows,
  });
}

function people(rows: PersonLine[], numbered: boolean, width: number): Table {
  const nameWidth = Math.round(width * 0.32);
  const numberWidth = numbered ? 600 : 0;
  const widths = [...(numbered ? [numberWidth] : []), width - nameWidth - numberWidth, nameWidth];
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
    width,
  );
}

function signatures(rows: { label: string; position: string; name: string }[], compact: boolean, width: number): Table {
  const widths = [Math.round(width * 0.5), Math.round(width * 0.2)];
  const last = width - widths[0]! - widths[1]!;
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
    width,
  );
}

/** Cell text: one paragraph a line, so a multi-line value keeps its lines. */
function cellParagraphs(value: string, align: GridColumn['align'], bold: boolean, size: number): Paragraph[] {
  return value.split('\n').map((line) => new Paragraph({ alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT, children: [text(line, bold, size)] }));
}

function grid(block: Extract<Block, { t: 'grid' }>, width: number): Table {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((width * c.width) / total));
  widths[widths.length - 1]! += width - widths.reduce((a, b) => a + b, 0);
  const size = block.small ? SMALL : SIZE;
  const row = (cells: string[], kind: 'title' | 'number' | 'body') =>
    new TableRow({
      tableHeader: kind !== 'body',
      cantSplit: true,
      children: cells.map(
        (value, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            verticalAlign: kind === 'title' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
            children: cellParagraphs(value, kind === 'body' ? block.columns[i]!.align : 'center', kind === 'title', size),
          }),
      ),
    });
  const titled = block.columns.some((c) => c.title);
  const rows = [
    ...(titled ? [row(block.columns.map((c) => c.title), 'title')] : []),
    ...(titled && block.numbered ? [row(block.columns.map((_, i) => String(i + 1)), 'number')] : []),
    ...block.rows.map((cells) => row(cells, 'body')),
  ];
  return table(widths, rows, width, true);
}

function render(blocks: Block[], width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        out.push(
          new Paragraph({
            alignment: ALIGN[b.align ?? 'justify'],
            indent: b.rightHalf ? { left: Math.round(width / 2) } : b.indent ? { firstLine: INDENT } : undefined,
            spacing: { before: b.gap ? GAP : b.smallGap ? GAP / 2 : 0 },
            keepNext: b.keepNext,
            keepLines: b.keepNext,
            children: b.runs.map((r) => text(r.text, r.bold, b.small ? SMALL : undefined)),
          }),
        );
        break;
      case 'dateline':
        out.push(
          new Paragraph({
            spacing: { before: GAP },
            tabStops: [{ type: TabStopType.RIGHT, position: width }],
            children: [text(b.date), text(`\t${b.number}`)],
          }),
        );
        break;
      case 'people':
        out.push(people(b.rows, !!b.numbered, width));
        break;
      case 'signatures':
        out.push(signatures(b.rows, !!b.compact, width));
        break;
      case 'grid':
        out.push(grid(b, width));
        // Word joins two tables that touch into one; an empty paragraph keeps them apart.
        out.push(new Paragraph(''));
        break;
      case 'fill':
        // A right tab with an underscore leader draws the line to the margin whatever the label's length.
        out.push(
          new Paragraph({
            spacing: { before: GAP / 2 },
            tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.UNDERSCORE }],
            // A <w:tab/> element, not a tab character: Word reads the element wherever the character is not honoured.
            children: [text(b.label ? `${b.label} ` : ''), new TextRun({ children: [new Tab()] })],
          }),
        );
        break;
      case 'rule':
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 12, color: '000000', space: 1 } }, spacing: { after: GAP / 2 }, children: [] }));
        break;
      case 'pagebreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

/**
 * The one official page style (ДСТУ 4163:2020): A4, the house margins and font, page numbers from the second page
 * centred in the top margin. Every DOCX of the app is this document around its own body.
 */
export function officialDocument(title: string, children: FileChild[], options: { landscape?: boolean; lastModifiedBy?: string } = {}): Document {
  return new Document({
    title,
    creator: 'Zlagoda',
    ...(options.lastModifiedBy ? { lastModifiedBy: options.lastModifiedBy } : {}),
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
          titlePage: true,
          page: {
            size: { ...PAGE, orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: Math.round(10 * MM), footer: Math.round(10 * MM) },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph('')] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children,
      },
    ],
  });
}

/** Any document drawn from layout blocks (minutes, extracts, notices, letters, registers) in the one official page style. */
export async function pack(blocks: Block[], title: string, options: { landscape?: boolean } = {}): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(title, render(blocks, options.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH), options));
}

export function renderMinutesDocx(model: MinutesModel): Promise<Buffer> {
  return pack(minutesBlocks(model), `Протокол ${model.number} від ${model.date}`);
}

export function renderExtractDocx(model: ExtractModel): Promise<Buffer> {
  return pack(extractBlocks(model), `Витяг з протоколу ${model.number} від ${model.date}`);
}

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';

// The official layout of the enforcement documents, after GB/T 9704 and the printed 安全生产执法文书: A4, margins
// 37/35/28/26 mm, the bureau and the title centred in 黑体 二号, the number right-aligned, the body in 仿宋 三号 at a
// fixed 28 pt line, tables in 仿宋 四号, signature and seal blocks at the end. Issue 14 item 2: the fonts are the
// ones GB/T 9704 names (仿宋_GB2312, 黑体, 方正小标宋简体); a machine without them substitutes its own, and the
// fixed line height and fixed table widths keep the layout the same. Headings and the closing block (signatures,
// seal, date) are kept with what follows them, so none is left alone at a page's foot or head; table rows may
// split across pages (a long 整改指引 never pushes a whole row to the next page), except in a list that asks
// for whole rows (the annual plan's enterprises).

// the ideographic space (U+3000) that official forms use between fields
export const GAP = '\u3000';

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const XIAOBIAOSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const BODY = 32; // 三号, in half-points
const TABLE = 28; // 四号
const DATA_TABLE = 24; // 小四: the columns of a data table
const TITLE = 44; // 二号

// 2 characters of 三号 text, in twips
const INDENT = 640;
const EXACT_LINE = { line: 560, lineRule: LineRuleType.EXACT };
// a form that must fit one sheet (the 通知书) sets its body at 26 pt
export const COMPACT_LINE = 520;
const exactLine = (line?: number) => (line ? { line, lineRule: LineRuleType.EXACT } : EXACT_LINE);

export const run = (text: string, options: { bold?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({
    text,
    font: FANGSONG,
    size: options.size ?? BODY,
    bold: options.bold,
    ...(options.underline ? { underline: {} } : {}),
  });

export const bureauLine = (name: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    keepNext: true,
    children: [new TextRun({ text: name, font: XIAOBIAOSONG, size: TITLE })],
  });

export const titleLine = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    keepNext: true,
    children: [new TextRun({ text, font: XIAOBIAOSONG, size: TITLE })],
  });

export const numberLine = (number: string) =>
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, children: [run(number)] });

// the addressee line: 某某有限公司：
export const addressee = (name: string, options: { line?: number } = {}) =>
  new Paragraph({ spacing: exactLine(options.line), children: [run(`${name}：`)] });

export const paragraph = (
  text: string,
  options: { indent?: boolean; bold?: boolean; keepNext?: boolean; line?: number } = {},
) =>
  new Paragraph({
    spacing: exactLine(options.line),
    keepNext: options.keepNext,
    indent: options.indent === false ? undefined : { firstLine: INDENT },
    children: [run(text, { bold: options.bold })],
  });

export const labelled = (label: string, value: string, options: { keepNext?: boolean; line?: number } = {}) =>
  new Paragraph({
    spacing: exactLine(options.line),
    keepNext: options.keepNext,
    indent: { firstLine: INDENT },
    children: [run(`${label}：`, { bold: true }), run(value)],
  });

export const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 120, ...EXACT_LINE },
    indent: { firstLine: INDENT },
    keepNext: true,
    keepLines: true,
    children: [new TextRun({ text, font: HEITI, size: BODY })],
  });

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

// the text width of A4 inside the margins, in twips: tables are laid out in fixed twips so that Word, WPS and
// LibreOffice all print the same columns
const TEXT_WIDTH = 11906 - 1588 - 1474;
const twips = (percent: number) => Math.round((TEXT_WIDTH * percent) / 100);

const cell = (text: string, options: { bold?: boolean; width?: number; size?: number } = {}) =>
  new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.width ? { width: { size: twips(options.width), type: WidthType.DXA } } : {}),
    children: text.split('\n').map(
      (part) =>
        new Paragraph({
          // a fixed line of 1.3 times the type: the same rows whatever font the reader's machine substitutes
          spacing: { line: Math.round((options.size ?? TABLE) * 13), lineRule: LineRuleType.EXACT },
          children: [run(part, { size: options.size ?? TABLE, bold: options.bold })],
        }),
    ),
  });

// A bordered table: a header row (repeated on each page) and rows that may split across pages, or, with keepRows,
// that never do (a list's row moves to the next page whole); widths are percentages of the text width.
export const table = (
  header: string[],
  rows: string[][],
  widths: number[],
  options: { keepRows?: boolean } = {},
) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map(twips),
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((text, i) => cell(text, { bold: true, width: widths[i], size: DATA_TABLE })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            ...(options.keepRows ? { cantSplit: true } : {}),
            children: row.map((text, i) => cell(text, { width: widths[i], size: DATA_TABLE })),
          }),
      ),
    ],
  });

// How wide a text prints, in ems of its type: a Chinese character or full-width mark one, a digit or Latin
// letter half.
const ems = (text: string): number =>
  [...text].reduce((total, character) => total + (character.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

// Column widths (percentages, for table) by what the columns hold: each column asks for its longest line at
// 小四 plus the cell's margins; a short column gets what it asks for, and when the asks exceed the page the
// longest columns share what is left equally (a name then wraps rather than squeezing 序号 to one digit a
// line); room to spare goes to the columns in proportion to their asks.
export const widthsByContent = (header: string[], rows: string[][]): number[] => {
  const em = DATA_TABLE * 10; // twips: half-points × 10
  const asks = header.map(
    (text, column) =>
      Math.max(...[text, ...rows.map((row) => row[column] ?? '')].flatMap((t) => t.split('\n')).map(ems)) *
        em +
      2 * 80 +
      em / 2,
  );
  const total = asks.reduce((sum, ask) => sum + ask, 0);
  if (total <= TEXT_WIDTH) return asks.map((ask) => (ask * 100) / total);
  const given = [...asks];
  let left = TEXT_WIDTH;
  const order = asks.map((ask, column) => ({ ask, column })).sort((a, b) => a.ask - b.ask);
  order.forEach(({ ask, column }, index) => {
    given[column] = Math.min(ask, left / (order.length - index));
    left -= given[column]!;
  });
  return given.map((width) => (width * 100) / TEXT_WIDTH);
};

// A form's heading block: label | value pairs, two pairs a row where they fit.
export const formTable = (pairs: [string, string][]) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [twips(30), twips(70)],
    layout: TableLayoutType.FIXED,
    borders,
    rows: pairs.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(label, { bold: true, width: 30, size: DATA_TABLE }),
            cell(value || '—', { width: 70, size: DATA_TABLE }),
          ],
        }),
    ),
  });

export const spacer = () => new Paragraph({ children: [] });

// 检查人员（签名）：＿＿＿＿ 执法证号：44070012345
export const officerSignatures = (officers: { name: string; certificate: string }[], label = '执法人员') =>
  officers.map(
    (officer) =>
      new Paragraph({
        spacing: { before: 60, after: 60, line: 400, lineRule: LineRuleType.EXACT },
        keepNext: true,
        keepLines: true,
        children: [
          run(`${label}（签名）：`, { size: TABLE }),
          run('　　　　　　', { size: TABLE, underline: true }),
          run(`${GAP}${officer.name}${GAP}执法证号：${officer.certificate}`, { size: TABLE }),
        ],
      }),
  );

// The enterprise head's signature captured on the phone, embedded; or the refusal to sign, recorded as the law
// requires; or a blank line to sign on paper.
export const enterpriseSignature = (
  acknowledgement:
    | { signed: true; signerName: string; at: string | null }
    | { signed: false; signerName: string; refusalNote: string; at: string | null }
    | null,
  image: Buffer | null,
  label = '被检查单位负责人',
): FileChild[] => {
  if (acknowledgement && !acknowledgement.signed) {
    return [
      new Paragraph({
        spacing: { before: 120 },
        keepNext: true,
        children: [run(`${label}（签名）：`, { size: TABLE }), run('拒绝签字', { size: TABLE, bold: true })],
      }),
      paragraph(
        `被检查单位负责人${acknowledgement.signerName ? `（${acknowledgement.signerName}）` : ''}拒绝签字，检查人员依照《中华人民共和国安全生产法》第六十八条将情况记录在案：${acknowledgement.refusalNote}`,
        { keepNext: true },
      ),
    ];
  }
  const signature = image
    ? [
        new ImageRun({
          type: 'png',
          data: image,
          transformation: { width: 150, height: 60 },
          altText: { name: 'signature', description: '被检查单位负责人签名', title: '签名' },
        }),
      ]
    : [run('　　　　　　　　', { size: TABLE, underline: true })];
  return [
    new Paragraph({
      spacing: { before: 120 },
      keepNext: true,
      keepLines: true,
      children: [
        run(`${label}（签名）：`, { size: TABLE }),
        ...signature,
        run(acknowledgement ? `${GAP}${acknowledgement.signerName}` : '', { size: TABLE }),
      ],
    }),
    new Paragraph({
      spacing: { after: 120 },
      keepNext: true,
      indent: { left: 2800 },
      children: [
        run(
          acknowledgement?.at ? `签字时间：${chineseDateTime(acknowledgement.at)}` : '　　　　年　　月　　日',
          { size: TABLE },
        ),
      ],
    }),
  ];
};

// 江门市应急管理局（印章） and the date, right-aligned, kept together (what follows it, a 签收 line, is kept by
// its caller)
export const sealBlock = (bureauName: string, date: string, options: { keepNext?: boolean } = {}) => [
  new Paragraph({
    spacing: { before: 240 },
    alignment: AlignmentType.RIGHT,
    keepNext: true,
    children: [run(`${bureauName}（印章）`)],
  }),
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    keepNext: options.keepNext,
    children: [run(chineseDate(date))],
  }),
];

// The last lines of a body, kept with the signatures and seal that follow them.
export const closingLine = (text: string) => paragraph(text, { keepNext: true });

// A blank line to sign on: 被检查单位签收：＿＿＿＿＿＿ 年 月 日
export const receiptLine = (label: string, options: { keepNext?: boolean } = {}) =>
  new Paragraph({
    spacing: { before: 120 },
    keepLines: true,
    keepNext: options.keepNext,
    children: [
      run(`${label}：`, { size: TABLE }),
      run('　　　　　　　', { size: TABLE, underline: true }),
      run(`${GAP.repeat(3)}年${GAP.repeat(2)}月${GAP.repeat(2)}日`, { size: TABLE }),
    ],
  });

// a spacer that keeps with what follows it
export const keptSpacer = () => new Paragraph({ keepNext: true, children: [] });

const shanghai = (iso: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: Number(part('month')),
    day: Number(part('day')),
    hour: Number(part('hour')),
    minute: part('minute'),
  };
};

// 2026年11月26日, from a date or an instant (read in Asia/Shanghai)
export const chineseDate = (value: string): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return `${year}年${Number(month)}月${Number(day)}日`;
  }
  const p = shanghai(value);
  return `${p.year}年${p.month}月${p.day}日`;
};

// 2026年11月26日10时30分
export const chineseDateTime = (value: string): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return chineseDate(value);
  const p = shanghai(value);
  return `${p.year}年${p.month}月${p.day}日${p.hour}时${p.minute}分`;
};

// One A4 section with GB/T 9704 margins and 第 n 页 共 m 页 at the foot.
export const officialDocument = (title: string, children: FileChild[]): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      title,
      creator: 'Inspecta',
      styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
      sections: [
        {
          properties: {
            page: {
              size: { width: 11906, height: 16838 },
              margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 992 },
            },
          },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [
                    new TextRun({
                      font: FANGSONG,
                      size: TABLE,
                      children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
                    }),
                  ],
                }),
              ],
            }),
          },
          children,
        },
      ],
    }),
  );

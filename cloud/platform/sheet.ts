// One export as sheets of typed columns, written as CSV (UTF-8 with BOM, one block per sheet, as before)
// or as an .xlsx workbook (one worksheet each). In the workbook numbers stay numbers and amounts are yuan
// with 2 decimals; every text cell is a plain string, so nothing a member typed runs as a formula.
import { stringify } from 'csv-stringify/sync'
import { formatYuan } from '../../types/money'

/** text: as given; int: a count; yuan: integer fen, shown as yuan with 2 decimals; decimal1: one decimal. */
export type ColumnKind = 'text' | 'int' | 'yuan' | 'decimal1'
export interface Column {
  header: string
  kind?: ColumnKind
}
export type Cell = string | number | null
export interface Sheet {
  /** The worksheet's name (at most 31 characters, none of []:*?/\). */
  name: string
  columns: Column[]
  rows: Cell[][]
}

export type ExportFormat = 'csv' | 'xlsx'

/** Cells starting with = + - @ are prefixed so a spreadsheet never runs them as formulas. */
const SAFE = { escape_formulas: true }

function csvCell(kind: ColumnKind, v: Cell): string | number {
  if (v === null) return ''
  if (typeof v === 'string') return v
  if (kind === 'yuan') return formatYuan(v).replace(/,/g, '')
  if (kind === 'decimal1') return v.toFixed(1)
  return v
}

export function toCsv(sheets: Sheet[]): string {
  const blocks = sheets.map((s) => stringify([s.columns.map((c) => c.header), ...s.rows.map((r) => r.map((v, i) => csvCell(s.columns[i]?.kind ?? 'text', v)))], SAFE))
  return `\uFEFF${blocks.join('\n')}`
}

const NUM_FMT: Partial<Record<ColumnKind, string>> = { int: '0', yuan: '0.00', decimal1: '0.0' }
/** Display width: a Chinese character takes two columns. */
const width = (v: Cell) => [...String(v ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)

function xlsxCell(kind: ColumnKind, v: Cell): string | number | null {
  if (typeof v !== 'number') return v
  // Fen to yuan, rounded so 0.1 + 0.2 style float noise never reaches the sheet.
  if (kind === 'yuan') return Math.round(v) / 100
  // The CSV's one decimal, so both files say the same.
  if (kind === 'decimal1') return Number(v.toFixed(1))
  return v
}

export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  // Loaded on first use: only the export actions need it.
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '暖心工会'
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = s.columns.map((c, i) => ({
      header: c.header,
      width: Math.min(60, Math.max(8, width(c.header), ...s.rows.slice(0, 500).map((r) => width(r[i] ?? ''))) + 2),
      style: NUM_FMT[c.kind ?? 'text'] ? { numFmt: NUM_FMT[c.kind ?? 'text'] } : {},
    }))
    ws.getRow(1).font = { bold: true }
    for (const r of s.rows) ws.addRow(r.map((v, i) => xlsxCell(s.columns[i]?.kind ?? 'text', v)))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The export in the asked format: CSV text, or the workbook as base64 (both travel in the JSON reply). */
export async function render(sheets: Sheet[], format: ExportFormat): Promise<{ csv: string | null; xlsxBase64: string | null }> {
  if (format === 'xlsx') return { csv: null, xlsxBase64: (await toXlsx(sheets)).toString('base64') }
  return { csv: toCsv(sheets), xlsxBase64: null }
}

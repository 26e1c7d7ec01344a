// Staff exports as .xlsx, read back with exceljs: the same rows as the CSV of the same request, Chinese
// headers, numbers as numbers, amounts in yuan with 2 decimals, a named sheet per table, and a cell that
// starts with "=" kept as text, never a formula.
import ExcelJS from 'exceljs'
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { parseCsv } from '../support/csv'

type Cell = string | number | null

async function readXlsx(base64: string): Promise<{ name: string; rows: Cell[][]; sheet: ExcelJS.Worksheet }[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer)
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = []
    ws.eachRow({ includeEmpty: true }, (r) => {
      const out: Cell[] = []
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = r.getCell(c).value
        out.push(v === null || v === undefined ? null : (v as Cell))
      }
      rows.push(out)
    })
    return { name: ws.name, rows, sheet: ws }
  })
}

/** The CSV's text of an xlsx cell: the CSV escapes formulas with a leading ' and writes yuan with 2 decimals. */
function asCsv(v: Cell, yuanColumn: boolean, csvText: string): string {
  if (v === null) return ''
  if (typeof v === 'number') return yuanColumn ? v.toFixed(2) : csvText.includes('.') ? v.toFixed(csvText.split('.')[1].length) : String(v)
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

function expectSameRows(csv: string[][], xlsx: Cell[][], yuanHeaders: RegExp) {
  expect(xlsx.length).toBe(csv.length)
  const header = csv[0]
  expect(xlsx[0]).toEqual(header)
  for (let i = 1; i < csv.length; i++) expect(xlsx[i].map((v, j) => asCsv(v, yuanHeaders.test(header[j]), csv[i][j] ?? ''))).toEqual(csv[i])
}

describe.each(backends())('staff exports as xlsx on %s', (backend) => {
  let t: TestApp
  let staff: string

  beforeAll(async () => {
    t = await startTestApp(backend)
    staff = await login(t, 'demo-staff')
  }, 60_000)
  afterAll(() => t?.close())

  it('should give every console table the same rows as its CSV, numbers as numbers, when xlsx is asked', async () => {
    const sheetNames: Record<string, string> = { members: '会员', stations: '驿站', orders: '订单', campaigns: '活动', subsidy_files: '困难职工档案' }
    for (const table of Object.keys(sheetNames)) {
      const csv = await ok(call(t, 'console', 'export', { table }, staff))
      const xlsx = await ok(call(t, 'console', 'export', { table, format: 'xlsx' }, staff))
      expect(xlsx.csv).toBeNull()
      expect(xlsx.filename).toBe(csv.filename.replace(/\.csv$/, '.xlsx'))
      expect(xlsx.rows).toBe(csv.rows)
      const [one, ...more] = await readXlsx(xlsx.xlsxBase64)
      expect(more).toHaveLength(0)
      expect(one.name).toBe(sheetNames[table])
      const [csvRows] = parseCsv(csv.csv)
      expect(csvRows.length).toBe(csv.rows + 1)
      expectSameRows(csvRows, one.rows, /（元）$/)
    }
  })

  it('should write amounts as yuan numbers with 2 decimals and counts as integers', async () => {
    const orders = await ok(call(t, 'console', 'export', { table: 'orders', format: 'xlsx' }, staff))
    const [ws] = await readXlsx(orders.xlsxBase64)
    expect(ws.rows.length).toBeGreaterThan(1)
    const amount = ws.rows[0].indexOf('金额（元）') + 1
    const [fen] = await t.app.db.query<{ payable_fen: number }>(
      `select o.payable_fen from orders o join unions u on u.id = o.buyer_union_id where o.order_no = $1`,
      [ws.rows[1][0]],
    )
    expect(ws.sheet.getCell(2, amount).value).toBe(fen.payable_fen / 100)
    expect(ws.sheet.getColumn(amount).numFmt).toBe('0.00')
    const stations = (await readXlsx((await ok(call(t, 'console', 'export', { table: 'stations', format: 'xlsx' }, staff))).xlsxBase64))[0]
    const visits = stations.rows[0].indexOf('累计到访')
    expect(stations.rows.slice(1).every((r) => Number.isInteger(r[visits]))).toBe(true)
    expect(stations.sheet.getRow(1).font?.bold).toBe(true)
  })

  it('should keep a cell starting with "=" as text when a member-typed value looks like a formula', async () => {
    const [m] = await t.app.db.query<{ id: string; employer: string | null }>(`select m.id, m.employer from members m join users u on u.id = m.user_id where u.openid = 'demo-member'`)
    await t.app.db.query(`update members set employer = $2 where id = $1`, [m.id, '=HYPERLINK("http://x")'])
    try {
      const [ws] = await readXlsx((await ok(call(t, 'console', 'export', { table: 'members', format: 'xlsx' }, staff))).xlsxBase64)
      const col = ws.rows[0].indexOf('工作单位') + 1
      const row = ws.rows.findIndex((r) => r[col - 1] === '=HYPERLINK("http://x")') + 1
      expect(row).toBeGreaterThan(1)
      expect(ws.sheet.getCell(row, col).type).toBe(ExcelJS.ValueType.String)
    } finally {
      await t.app.db.query(`update members set employer = $2 where id = $1`, [m.id, m.employer])
    }
  })

  it('should give the ledger a summary and a detail sheet with the CSV’s rows when xlsx is asked', async () => {
    const csv = await ok(call(t, 'shop', 'ledger', { by: 'category', format: 'csv' }, staff))
    const xlsx = await ok(call(t, 'shop', 'ledger', { by: 'category', format: 'xlsx' }, staff))
    expect(xlsx.csv).toBeNull()
    const sheets = await readXlsx(xlsx.xlsxBase64)
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '明细'])
    const [summary, detail] = parseCsv(csv.csv)
    expect(detail.length).toBeGreaterThan(1)
    expectSameRows(summary, sheets[0].rows, /（元）$/)
    expectSameRows(detail, sheets[1].rows, /（元）$/)
    const total = sheets[0].rows[sheets[0].rows.length - 1]
    expect(total).toEqual(['合计', xlsx.totals.qty, xlsx.totals.amountFen / 100, xlsx.totals.orders])
  })

  it('should refuse an unknown format with VALIDATION_FAILED in Chinese', async () => {
    for (const [fn, action, data] of [
      ['console', 'export', { table: 'members', format: 'pdf' }],
      ['shop', 'ledger', { by: 'county', format: 'pdf' }],
    ] as const) {
      const r = await call(t, fn, action, data, staff)
      expect(r.status).toBe(400)
      expect((r.body as any).error.code).toBe('VALIDATION_FAILED')
      expect(JSON.stringify((r.body as any).error)).toMatch(/导出格式应为/)
    }
  })
})

// Reads back the CSV the exports write (RFC 4180: quoted fields, "" for a quote, CRLF or LF), one array per
// line, the BOM dropped; blocks separated by an empty line come back as separate tables.
export function parseCsv(text: string): string[][][] {
  const tables: string[][][] = [[]]
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\uFEFF/, '')
  const endRow = () => {
    row.push(cell)
    if (row.length === 1 && row[0] === '') tables.push([])
    else tables[tables.length - 1].push(row)
    row = []
    cell = ''
  }
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(cell), (cell = '')
    else if (ch === '\n') endRow()
    else if (ch !== '\r') cell += ch
  }
  if (cell || row.length) endRow()
  return tables.filter((t) => t.length)
}

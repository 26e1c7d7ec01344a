// Staff helpers for bulk purchase and the ledger, kept out of the page files so tests can import them.
import { MAX_QTY_PER_LINE, type LedgerBy } from './labels'

export function qtyProblem(raw: string, stock: number): string | null {
  const v = raw.trim()
  if (!/^\d+$/.test(v)) return '请填写整数数量'
  const n = Number(v)
  if (n < 1) return '数量至少为1'
  if (n > MAX_QTY_PER_LINE) return `单个商品最多购买 ${MAX_QTY_PER_LINE} 件`
  if (n > stock) return `库存仅剩 ${stock} 件`
  return null
}


type LedgerLineLike = { province: string; county: string; category: string; supplier: string; supplierLicense: string; paidAt: string; buyerUnion: string }
type LedgerRowLike = { key: string; label: string }

/** "YYYY-MM" of an instant in Beijing time (how the ledger groups months). */
export function shanghaiMonth(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7)
}

/** Whether a trace line belongs to a summary row of the ledger (same grouping as cloud/domain/shop/ledger.ts). */
export function lineInRow(by: LedgerBy, row: LedgerRowLike, l: LedgerLineLike): boolean {
  switch (by) {
    case 'county':
      return row.key === `${l.province}/${l.county}`
    case 'category':
      return row.key === l.category
    case 'supplier':
      return row.key === `${l.supplier}/${l.supplierLicense}`
    case 'month':
      return row.key === shanghaiMonth(l.paidAt)
    case 'union':
      // The row key is the union's id, which lines do not carry; both carry its name.
      return row.label === l.buyerUnion
  }
}

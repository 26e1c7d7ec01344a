// The relief-purchase ledger (台账): paid purchases by origin, category, supplier, month or buying union,
// every line traceable to its order, payment and invoice; CSV or .xlsx for the auditors.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import { CATEGORY_LABELS, PAID_ORDER_STATUSES, type Category, type LedgerDimension } from '../../../types/shop'
import type { ActionData } from '../../../types/contract'
import { sqlList } from '../../db/sql'
import { AppError } from '../../platform/errors'
import { scopeRoot, subtreeLike } from '../../platform/scope'
import { render, type Column, type Sheet } from '../../platform/sheet'

type By = LedgerDimension

const GROUP: Record<By, { key: string; label: string }> = {
  county: { key: `i.province || '/' || i.county`, label: `i.province || ' ' || i.county` },
  category: { key: 'i.category', label: 'i.category' },
  supplier: { key: `i.supplier_name || '/' || i.supplier_license`, label: `i.supplier_name || '（' || i.supplier_license || '）'` },
  month: { key: `to_char(o.paid_at at time zone 'Asia/Shanghai', 'YYYY-MM')`, label: `to_char(o.paid_at at time zone 'Asia/Shanghai', 'YYYY-MM')` },
  union: { key: `coalesce(bu.id::text, '-')`, label: `coalesce(bu.name, '非会员个人')` },
}

const MAX_JSON_LINES = 1000
const MAX_FILE_LINES = 200_000
const DIMENSION = { county: '产地', category: '品类', supplier: '供应商', month: '月份', union: '购买工会' } as const
const text = (...headers: string[]): Column[] => headers.map((header) => ({ header }))

export async function ledger(app: App, caller: Caller, input: ActionData<'shop', 'ledger'>) {
  const { path } = await scopeRoot(app.db, caller, input.unionId)
  if (input.from && input.to && input.from > input.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' })

  const params: unknown[] = [subtreeLike(path)]
  // The platform admin's ledger also holds purchases by people without a card (no buying union).
  const where = [`o.status in ${sqlList(PAID_ORDER_STATUSES)}`, path === '/' ? `(bu.path like $1 or bu.id is null)` : `bu.path like $1`]
  if (input.from) {
    params.push(input.from)
    where.push(`o.paid_at >= ($${params.length}::date)::timestamp at time zone 'Asia/Shanghai'`)
  }
  if (input.to) {
    params.push(input.to)
    where.push(`o.paid_at < ($${params.length}::date + 1)::timestamp at time zone 'Asia/Shanghai'`)
  }
  const from = `from order_items i join orders o on o.id = i.order_id join payments p on p.order_id = o.id left join unions bu on bu.id = o.buyer_union_id where ${where.join(' and ')}`
  const g = GROUP[input.by]
  const rows = await app.db.query<{ key: string; label: string; qty: number; amount_fen: number; orders: number }>(
    `select ${g.key} as key, min(${g.label}) as label, sum(i.qty)::int as qty, sum(i.amount_fen)::bigint as amount_fen, count(distinct o.id)::int as orders
     ${from} group by 1 order by amount_fen desc, key`,
    params,
  )
  const [totals] = await app.db.query<{ qty: number; amount_fen: number; orders: number; relief: number }>(
    `select coalesce(sum(i.qty), 0)::int as qty, coalesce(sum(i.amount_fen), 0)::bigint as amount_fen, count(distinct o.id)::int as orders,
       coalesce(sum(i.amount_fen) filter (where i.relief), 0)::bigint as relief ${from}`,
    params,
  )
  const file = input.format === 'csv' || input.format === 'xlsx' ? input.format : null
  const lines = await app.db.query<{
    order_no: string; order_id: string; paid_at: Date; buyer_union: string | null; kind: 'member' | 'bulk'; product: string; category: Category; province: string; county: string
    supplier_name: string; supplier_license: string; qty: number; amount_fen: number; out_trade_no: string; transaction_id: string | null; invoice_title: string | null; invoice_tax_no: string | null; relief: boolean
  }>(
    `select o.order_no, o.id as order_id, o.paid_at, bu.name as buyer_union, o.kind, i.name as product, i.category, i.province, i.county, i.supplier_name, i.supplier_license,
       i.qty, i.amount_fen, p.out_trade_no, p.transaction_id, o.invoice_title, o.invoice_tax_no, i.relief
     ${from} order by o.paid_at, o.order_no, i.name limit ${file ? MAX_FILE_LINES : MAX_JSON_LINES}`,
    params,
  )
  const out = {
    by: input.by,
    rows: rows.map((r) => ({ key: r.key, label: input.by === 'category' ? CATEGORY_LABELS[r.label as Category] ?? r.label : r.label, qty: r.qty, amountFen: r.amount_fen, orders: r.orders })),
    totals: { qty: totals.qty, amountFen: totals.amount_fen, orders: totals.orders, reliefAmountFen: totals.relief },
    lines: lines.slice(0, MAX_JSON_LINES).map((l) => ({
      orderNo: l.order_no,
      orderId: l.order_id,
      paidAt: l.paid_at.toISOString(),
      buyerUnion: l.buyer_union ?? '非会员个人',
      kind: l.kind,
      product: l.product,
      category: l.category,
      province: l.province,
      county: l.county,
      supplier: l.supplier_name,
      supplierLicense: l.supplier_license,
      qty: l.qty,
      amountFen: l.amount_fen,
      outTradeNo: l.out_trade_no,
      transactionId: l.transaction_id,
      invoiceTitle: l.invoice_title,
      invoiceTaxNo: l.invoice_tax_no,
      relief: l.relief,
    })),
    csv: null as string | null,
    xlsxBase64: null as string | null,
  }
  if (file) {
    const summary: Sheet = {
      name: '汇总',
      columns: [{ header: `按${DIMENSION[input.by]}汇总` }, { header: '数量', kind: 'int' }, { header: '金额（元）', kind: 'yuan' }, { header: '订单数', kind: 'int' }],
      rows: [...out.rows.map((r) => [r.label, r.qty, r.amountFen, r.orders]), ['合计', out.totals.qty, out.totals.amountFen, out.totals.orders]],
    }
    const detail: Sheet = {
      name: '明细',
      columns: [
        ...text('订单号', '支付时间', '购买工会', '类型', '商品', '品类', '产地省份', '产地县区', '供应商', '供应商资质'), { header: '数量', kind: 'int' }, { header: '金额（元）', kind: 'yuan' },
        ...text('商户订单号', '微信支付单号', '发票抬头', '纳税人识别号', '帮扶产品'),
      ],
      rows: lines.map((l) => [
        l.order_no, l.paid_at.toISOString(), l.buyer_union ?? '非会员个人', l.kind === 'bulk' ? '工会团购' : '会员购买', l.product, CATEGORY_LABELS[l.category], l.province, l.county,
        l.supplier_name, l.supplier_license, l.qty, l.amount_fen, l.out_trade_no, l.transaction_id ?? '', l.invoice_title ?? '', l.invoice_tax_no ?? '', l.relief ? '是' : '否',
      ]),
    }
    Object.assign(out, await render([summary, detail], file))
  }
  return out
}

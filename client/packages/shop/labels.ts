// Shop labels and limits for pages, without zod: the vocabulary comes from types/shop-labels.ts.
import { CATEGORIES, CATEGORY_LABELS, ORDER_STATUS_LABELS, type Category, type LedgerDimension, type OrderStatus } from '../../../types/shop-labels'

export { MAX_LINES, MAX_QTY_PER_LINE } from '../../../types/shop-labels'
export { formatYuan as yuan } from '../../../types/money'
export { BEIJING_DISTRICTS as DISTRICTS } from '../../../types/station-labels'

export const CATEGORY_ORDER: readonly Category[] = CATEGORIES
export const CATEGORY_TEXT: Record<Category, string> = CATEGORY_LABELS
export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = ORDER_STATUS_LABELS

export const REFUND_STATUS_TEXT: Record<string, string> = { processing: '退款处理中', success: '已退款' }

/** Tabs of "我的订单": the refund tab covers refunding and refunded orders. */
export const ORDER_TABS: { key: string; label: string; statuses: OrderStatus[] | null }[] = [
  { key: 'all', label: '全部', statuses: null },
  { key: 'pending', label: '待付款', statuses: ['PENDING_PAYMENT'] },
  { key: 'paid', label: '待发货', statuses: ['PAID'] },
  { key: 'shipped', label: '已发货', statuses: ['SHIPPED', 'READY_FOR_PICKUP'] },
  { key: 'done', label: '已完成', statuses: ['COMPLETED'] },
  { key: 'refund', label: '退款', statuses: ['REFUNDING', 'REFUNDED'] },
]

/** Statuses in which a refund may be requested (the server also checks the after-sale window). */
export const REFUNDABLE: readonly OrderStatus[] = ['PAID', 'SHIPPED', 'READY_FOR_PICKUP', 'COMPLETED']

export { MEMBER_MAX_QTY } from './policy'
export type LedgerBy = LedgerDimension
export const LEDGER_TABS: { by: LedgerBy; label: string }[] = [
  { by: 'county', label: '产地县' },
  { by: 'category', label: '品类' },
  { by: 'supplier', label: '供应商' },
  { by: 'month', label: '月份' },
  { by: 'union', label: '购买单位' },
]

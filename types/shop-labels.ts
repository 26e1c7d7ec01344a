// Shop vocabulary and limits, free of zod so pages can import them at runtime (types/shop.ts re-exports them).

export const CATEGORIES = ['grain_oil', 'fruit_veg', 'meat_egg', 'tea', 'specialty', 'snack', 'gift_pack', 'daily'] as const
export type Category = (typeof CATEGORIES)[number]
export const CATEGORY_LABELS: Record<Category, string> = {
  grain_oil: '粮油米面',
  fruit_veg: '新鲜果蔬',
  meat_egg: '肉禽蛋品',
  tea: '茶叶饮品',
  specialty: '地方特产',
  snack: '休闲食品',
  gift_pack: '慰问礼包',
  daily: '日用百货',
}

export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'READY_FOR_PICKUP', 'COMPLETED', 'CANCELLED', 'REFUNDING', 'REFUNDED'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: '待付款',
  PAID: '待发货',
  SHIPPED: '已发货',
  READY_FOR_PICKUP: '待自提',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
}
/** Paid and not refunded: the orders the ledger and the console count as sales. */
export const PAID_ORDER_STATUSES = ['PAID', 'SHIPPED', 'READY_FOR_PICKUP', 'COMPLETED'] as const satisfies readonly OrderStatus[]

export const MAX_QTY_PER_LINE = 5000
export const MAX_LINES = 50

export const LEDGER_DIMENSIONS = ['county', 'category', 'supplier', 'month', 'union'] as const
export type LedgerDimension = (typeof LEDGER_DIMENSIONS)[number]

// The kinds of message and their names, free of zod so client pages can import them cheaply.
export const NOTIFY_KINDS = ['card_decided', 'subsidy_progress', 'order_shipped', 'refund_completed', 'campaign_opened'] as const
export type NotifyKind = (typeof NOTIFY_KINDS)[number]

export const NOTIFY_KIND_LABELS: Record<NotifyKind, string> = {
  card_decided: '会员卡审核结果',
  subsidy_progress: '困难帮扶进度',
  order_shipped: '订单发货',
  refund_completed: '退款完成',
  campaign_opened: '新活动',
}

// Subscription messages: one small interface, a WeChat provider and a simulated one recording what would be sent.

/** One subscribe message as WeChat's subscribe/send takes it. */
export interface SubscribeMessage {
  /** Our notification row, so a record can point back at it. */
  notificationId: string
  touser: string
  templateId: string
  /** The mini-program page the message opens. */
  page?: string
  data: Record<string, { value: string }>
}

export interface NotifyProvider {
  readonly name: 'wechat' | 'simulated'
  /** sent: WeChat accepted it; otherwise the reason (WeChat's errcode, or 'unreachable'). */
  send(msg: SubscribeMessage): Promise<{ sent: true } | { sent: false; reason: string; retriable: boolean }>
}

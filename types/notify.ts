// Subscription messages (订阅消息) and the in-app message list. A member opts in per kind on WeChat; the
// in-app list shows every message whether or not it also went through WeChat.
import { z } from 'zod'
import { NOTIFY_KINDS } from './notify-labels'

export { NOTIFY_KINDS, NOTIFY_KIND_LABELS, type NotifyKind } from './notify-labels'

export const templatesOutput = z.object({
  /** Kinds with a subscribe-message template configured, and its id (what requestSubscribeMessage takes). */
  templates: z.array(z.object({ kind: z.enum(NOTIFY_KINDS), templateId: z.string() })),
})

export const optInInput = z
  .object({ accepted: z.array(z.enum(NOTIFY_KINDS, { error: '未知的通知类型' })).max(NOTIFY_KINDS.length, '通知类型过多') })
  .strict()
export const optInOutput = z.object({ kinds: z.array(z.object({ kind: z.enum(NOTIFY_KINDS), remaining: z.number().int() })) })

export const mineInput = z.object({ limit: z.number().int().min(1).max(50).optional(), cursor: z.string().max(64).optional() }).strict()
export const messageView = z.object({
  id: z.string(),
  kind: z.enum(NOTIFY_KINDS),
  title: z.string(),
  body: z.string(),
  /** The app page the message opens, e.g. /packages/subsidy/mine/index. */
  page: z.string().nullable(),
  at: z.string(),
  /** Whether it was also sent through WeChat (the member had opted in). */
  pushed: z.boolean(),
  read: z.boolean(),
})
export const mineOutput = z.object({ items: z.array(messageView), unread: z.number().int(), nextCursor: z.string().nullable() })
export type MessageView = z.infer<typeof messageView>

export const readInput = z.object({ ids: z.array(z.string().uuid('消息编号格式不正确')).min(1).max(50) }).strict()
export const readOutput = z.object({ unread: z.number().int() })

// Telling members what happened. Every message is listed in the app (notify.mine); it also goes through
// WeChat when the member has a subscription left for its kind: each "allow" in requestSubscribeMessage
// grants one send (WeChat's one-time subscriptions), used up here by a conditional update. One message per
// event key, however often the event's code runs. Never throws: a message lost must not undo the event.
import type { App } from '../../platform/app'
import { shanghai } from '../../platform/time'
import type { NotifyKind } from '../../../types/notify'

export interface Message {
  kind: NotifyKind
  /** Unique per event and member, e.g. `card:<cardId>:active`. */
  eventKey: string
  title: string
  body: string
  /** The mini-program page it opens, e.g. /packages/subsidy/mine/index. */
  page?: string
}

/** WeChat's thing.DATA holds at most 20 characters. */
const thing = (s: string) => ({ value: [...s].length > 20 ? `${[...s].slice(0, 19).join('')}…` : s })

/** The template layout every kind uses: 事项 thing1, 说明 thing2, 时间 time3 (docs/deploy.md). */
export const templateData = (m: Message, at: Date) => ({ thing1: thing(m.title), thing2: thing(m.body), time3: { value: shanghai(at).format('YYYY-MM-DD HH:mm') } })

/** Pushes are sent this many at a time. */
const PARALLEL = 5

export async function notify(app: App, userId: string, m: Message): Promise<void> {
  await notifyUsers(app, [userId], (u) => `${m.eventKey}:${u}`, m)
}

/** One message to many members (a campaign's audience): listed for all, pushed to those who opted in. */
export async function notifyUsers(app: App, userIds: string[], keyOf: (userId: string) => string, m: Omit<Message, 'eventKey'>): Promise<void> {
  try {
    if (!userIds.length) return
    const at = app.now()
    const made = await app.db.query<{ id: string; user_id: string }>(
      `insert into notifications (user_id, kind, event_key, title, body, page, created_at)
       select u, $2, k, $3, $4, $5, $6 from unnest($1::uuid[], $7::text[]) as t(u, k)
       on conflict (event_key) do nothing returning id, user_id`,
      [userIds, m.kind, m.title, m.body, m.page ?? null, at, userIds.map(keyOf)],
    )
    const templateId = app.notifier.templates[m.kind]
    if (!made.length || !templateId) return
    // Those with a subscription left for this kind use one up; everyone else sees it in the app only.
    const opted = await app.db.query<{ user_id: string; openid: string }>(
      `with used as (update notify_optins set remaining = remaining - 1, updated_at = $3 where kind = $2 and user_id = any($1::uuid[]) and remaining > 0 returning user_id)
       select used.user_id, u.openid from used join users u on u.id = used.user_id`,
      [made.map((r) => r.user_id), m.kind, at],
    )
    const idOf = new Map(made.map((r) => [r.user_id, r.id]))
    const queue = [...opted]
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await push(app, idOf.get(next.user_id)!, next, templateId, m, at)
    }
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker))
  } catch (e) {
    app.log.warn({ err: e, kind: m.kind }, 'notification not recorded')
  }
}

async function push(app: App, notificationId: string, to: { user_id: string; openid: string }, templateId: string, m: Omit<Message, 'eventKey'>, at: Date) {
  const r = await app.notifier.provider.send({ notificationId, touser: to.openid, templateId, page: m.page, data: templateData({ ...m, eventKey: '' }, at) })
  if (r.sent) return void (await app.db.query('update notifications set pushed = true where id = $1', [notificationId]))
  await app.db.query('update notifications set push_error = $2 where id = $1', [notificationId, r.reason.slice(0, 64)])
  // Not the member's doing (WeChat unreachable): their subscription is given back for the next message.
  if (r.retriable) await app.db.query('update notify_optins set remaining = remaining + 1 where user_id = $1 and kind = $2', [to.user_id, m.kind])
  app.log.warn({ kind: m.kind, reason: r.reason }, 'subscribe message not sent')
}

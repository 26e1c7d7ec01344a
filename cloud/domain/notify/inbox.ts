// The member's side: which templates to ask for, recording what they allowed, and their message list.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { NOTIFY_KINDS, type NotifyKind } from '../../../types/notify'
import type { ActionData } from '../../../types/contract'

/** One "allow" is one send; a member who taps allow every time keeps at most this many in hand. */
const MAX_REMAINING = 20

export function templates(app: App) {
  return { templates: NOTIFY_KINDS.filter((k) => app.notifier.templates[k]).map((k) => ({ kind: k, templateId: app.notifier.templates[k]! })) }
}

export async function optIn(app: App, caller: Caller, input: ActionData<'notify', 'optIn'>) {
  const kinds = [...new Set(input.accepted)] as NotifyKind[]
  if (kinds.length) {
    await app.db.query(
      `insert into notify_optins (user_id, kind, remaining, updated_at) select $1, k, 1, $3 from unnest($2::text[]) k
       on conflict (user_id, kind) do update set remaining = least(notify_optins.remaining + 1, ${MAX_REMAINING}), updated_at = excluded.updated_at`,
      [caller.userId, kinds, app.now()],
    )
  }
  const rows = await app.db.query<{ kind: NotifyKind; remaining: number }>('select kind, remaining from notify_optins where user_id = $1 order by kind', [caller.userId])
  return { kinds: rows }
}

interface Row {
  id: string
  kind: NotifyKind
  title: string
  body: string
  page: string | null
  created_at: Date
  pushed: boolean
  read_at: Date | null
}

const cursorOf = (r: Row) => `${r.created_at.getTime()}_${r.id}`

export async function mine(app: App, caller: Caller, input: ActionData<'notify', 'mine'>) {
  const limit = input.limit ?? 20
  const params: unknown[] = [caller.userId, limit + 1]
  let after = ''
  if (input.cursor) {
    const m = /^(\d{1,15})_([0-9a-f-]{36})$/.exec(input.cursor)
    if (!m) throw new AppError('VALIDATION_FAILED', '翻页参数不正确', { cursor: '翻页参数不正确' })
    params.push(new Date(Number(m[1])), m[2])
    after = ' and (created_at, id) < ($3, $4::uuid)'
  }
  const rows = await app.db.query<Row>(
    `select id, kind, title, body, page, created_at, pushed, read_at from notifications where user_id = $1${after} order by created_at desc, id desc limit $2`,
    params,
  )
  const [u] = await app.db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [caller.userId])
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, page: r.page, at: r.created_at.toISOString(), pushed: r.pushed, read: !!r.read_at })),
    unread: u.n,
    nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]) : null,
  }
}

export async function markRead(app: App, caller: Caller, input: ActionData<'notify', 'read'>) {
  await app.db.query('update notifications set read_at = $3 where user_id = $1 and id = any($2::uuid[]) and read_at is null', [caller.userId, input.ids, app.now()])
  const [u] = await app.db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [caller.userId])
  return { unread: u.n }
}

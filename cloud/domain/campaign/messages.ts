// A published campaign told to its audience: every member with an active card it reaches (the same
// audience rule as the feed), once per campaign and member.
import type { App } from '../../platform/app'
import { shanghai } from '../../platform/time'
import { notifyUsers } from '../notify/service'
import { reachesSql } from './rules'

export async function tellAudience(app: App, campaignId: string): Promise<void> {
  const [c] = await app.db.query<{ title: string; starts_at: Date }>(`select title, starts_at from campaigns where id = $1 and status = 'published'`, [campaignId])
  if (!c) return
  const users = await app.db.query<{ user_id: string }>(
    `select distinct m.user_id from campaigns k join unions ku on ku.id = k.union_id,
       members m join cards cd on cd.member_id = m.id and cd.status = 'active' join unions cu on cu.id = cd.union_id
     where k.id = $1 and ${reachesSql('k', 'ku', { path: 'cu.path', occupation: 'm.occupation', district: 'cu.district' })}`,
    [campaignId],
  )
  const starts = c.starts_at > app.now() ? `${shanghai(c.starts_at).format('M月D日 HH:mm')}开始` : '现在就能参加'
  await notifyUsers(
    app,
    users.map((u) => u.user_id),
    (u) => `campaign:${campaignId}:${u}`,
    { kind: 'campaign_opened', title: c.title, body: `工会新活动，${starts}`, page: `/packages/campaign/detail/index?id=${campaignId}` },
  )
}

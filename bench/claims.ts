// A kit drop: 5,000 members claim a campaign quota of 1,000 in one burst, spread over three gateway
// processes on one PostgreSQL database. Claims per second, and the check that exactly the quota succeeds.
import crypto from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { startTestApp } from '../tests/support/app'
import { startGateways } from '../tests/support/gateways'
import { tokenHash } from '../cloud/platform/caller'
import { POST_SOURCE } from './load'

const LOAD = `${POST_SOURCE}
const { parentPort, workerData } = require('node:worker_threads')
const { urls, tokens, id, width } = workerData
let next = 0
const counts = { won: 0, full: 0, other: 0, lastPlaceMs: 0 }
const started = Date.now()
Promise.all(Array.from({ length: width }, async () => {
  while (next < tokens.length) {
    const i = next++
    const body = await post(urls[i % urls.length], '/api/campaign', tokens[i], { action: 'join', data: { id } })
    if (body.ok) {
      // When the last place was given: the part of the burst that queues on the campaign row.
      if (++counts.won === workerData.quota) counts.lastPlaceMs = Date.now() - started
    } else if (body.error && body.error.code === 'QUOTA_FULL') counts.full++
    else counts.other++
  }
})).then(() => parentPort.postMessage(counts))
`

export async function benchClaims(members = 5000, quota = 1000, width = 96) {
  const t = await startTestApp('postgres')
  // As production runs them (migrated by the test app; no dev: logins there, so staff sign in on the test app).
  const g = await startGateways(3, t.databaseUrl!, t.secrets, { production: true })
  try {
    // Members with active cards in a union the campaign reaches, and a session each: written directly,
    // since registering 5,000 people is not what this measures.
    const [union] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001003'`)
    const tokens = Array.from({ length: members }, () => crypto.randomBytes(32).toString('base64url'))
    await t.app.db.tx(async (q) => {
      await q.query(
        `with u as (insert into users (openid) select 'burst-' || i from generate_series(1, $1) i returning id, openid),
         m as (insert into members (user_id, name, id_hash, id_enc, id_masked, phone_hash, phone_enc, phone_masked, occupation)
               select u.id, '抢领测试', 'burst-' || u.openid, 'x', '110105********0000', 'p-' || u.openid, 'x', '135****0000', 'courier' from u returning id)
         insert into cards (member_id, union_id, status, issued_at) select m.id, $2, 'active', now() from m`,
        [members, union.id],
      )
      const users = await q.query<{ id: string; openid: string }>(`select id, openid from users where openid like 'burst-%' order by substring(openid from 7)::int`)
      await q.query('insert into sessions (token_hash, user_id, expires_at) select * from unnest($1::text[], $2::uuid[], $3::timestamptz[])', [
        tokens.map((tok) => tokenHash(t.app, tok)),
        users.map((u) => u.id),
        users.map(() => new Date(Date.now() + 86400_000)),
      ])
    })
    const staff = await (await fetch(`${t.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { code: 'dev:demo-staff' } }) })).json()
    const [station] = await t.app.db.query<{ id: string }>(`select s.id from stations s join unions u on u.id = s.union_id where u.code = '110105001' and s.status = 'active' limit 1`)
    const call = async (action: string, data: unknown) =>
      (await (await fetch(`${g.urls[1]}/api/campaign`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${staff.data.token}` }, body: JSON.stringify({ action, data }) })).json()).data
    const { id } = await call('save', { kind: 'send_coolness', title: '送清凉：防暑降温包', body: '高温季节为户外劳动者准备防暑降温包，数量有限。', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86400_000).toISOString(), action: 'claim', quota, stationId: station.id })
    await call('publish', { id })

    const started = performance.now()
    const counts = await new Promise<{ won: number; full: number; other: number; lastPlaceMs: number }>((resolve, reject) => {
      const w = new Worker(LOAD, { eval: true, workerData: { urls: g.urls, tokens, id, width, quota } })
      w.once('message', resolve)
      w.once('error', reject)
    })
    const seconds = (performance.now() - started) / 1000
    const [row] = await t.app.db.query<{ taken: number; joins: number }>('select taken, (select count(*)::int from campaign_joins where campaign_id = $1) as joins from campaigns where id = $1', [id])
    return { claimsPerSecond: members / seconds, seconds, ...counts, exact: counts.won === quota && row.taken === quota && row.joins === quota }
  } finally {
    await g.stop()
    await t.close()
  }
}

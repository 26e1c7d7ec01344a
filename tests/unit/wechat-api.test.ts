// WeChat's server API client: one access token per process, shared, cached and refreshed once when stale.
import { createWxApi } from '../../cloud/platform/wechat-api'

function fakeWeChat() {
  const calls: string[] = []
  let issued = 0
  let invalid = new Set<string>()
  const fetchImpl = (async (url: string | URL, init?: RequestInit) => {
    const u = new URL(String(url))
    calls.push(u.pathname)
    const json = (b: unknown) => new Response(JSON.stringify(b), { headers: { 'content-type': 'application/json' } })
    if (u.pathname === '/cgi-bin/stable_token') return json({ access_token: `tok-${++issued}`, expires_in: 7200, force: JSON.parse(String(init?.body)).force_refresh })
    const token = u.searchParams.get('access_token')!
    return json(invalid.has(token) ? { errcode: 40001, errmsg: 'invalid credential' } : { errcode: 0, token })
  }) as typeof fetch
  return { calls, fetchImpl, invalidate: (t: string) => (invalid = new Set([...invalid, t])) }
}

describe('WeChat API client', () => {
  it('should fetch one token for concurrent calls and reuse it until shortly before it expires', async () => {
    const w = fakeWeChat()
    let now = 0
    const api = createWxApi({ appId: 'wx1', secret: 's' }, w.fetchImpl, () => now)
    const r = await Promise.all([1, 2, 3].map(() => api.post('/cgi-bin/message/subscribe/send', {})))
    expect(r.map((x) => x.token)).toEqual(['tok-1', 'tok-1', 'tok-1'])
    expect(w.calls.filter((c) => c === '/cgi-bin/stable_token')).toHaveLength(1)
    now = 7200_000 - 4 * 60_000
    expect((await api.post('/x', {})).token).toBe('tok-2')
  })

  it('should refresh the token once and retry when WeChat answers that it is invalid', async () => {
    const w = fakeWeChat()
    const api = createWxApi({ appId: 'wx1', secret: 's' }, w.fetchImpl, () => 0)
    await api.post('/x', {})
    w.invalidate('tok-1')
    expect(await api.post('/x', {})).toMatchObject({ errcode: 0, token: 'tok-2' })
  })

  it('should answer UNAVAILABLE when no app id and secret are configured', async () => {
    await expect(createWxApi({}, fakeWeChat().fetchImpl).post('/x', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' })
  })
})

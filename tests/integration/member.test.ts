import { MAX_SESSIONS } from '../../cloud/domain/auth/session'
import { backends, call, login, ok, post, startTestApp, type TestApp } from '../support/app'
import { adminUser, cardHolder, idNumber as makeIdNumber, staff as staffOf, union, unionTree } from '../support/fixtures'
import { fn as memberFn } from '../../cloud/functions/member'
import { setApp } from '../../cloud/platform/app'

const unionByCode = async (t: TestApp, code: string) =>
  (await t.app.db.query<{ id: string }>('select id from unions where code = $1', [code]))[0].id

const counts = async (t: TestApp) =>
  (
    await t.app.db.query<{ members: number; cards: number; transfers: number; audit: number }>(
      `select (select count(*) from members)::int as members, (select count(*) from cards)::int as cards,
              (select count(*) from transfers)::int as transfers, (select count(*) from audit_log)::int as audit`,
    )
  )[0]

let seq = 500
const person = (over: Record<string, unknown> = {}) => ({
  name: '张小满',
  idNumber: makeIdNumber('110105', '19960318', seq++),
  phone: '13900001111',
  occupation: 'food_delivery',
  employer: '饿了么',
  ...over,
})

describe.each(backends())('union card on %s', (backend) => {
  let t: TestApp
  let staff: string
  let hdStaff: string
  let guomao: string // grassroots union under the staff's street union, instant issue
  let baoan: string // grassroots union under the staff's street union, staff review
  let hdWuye: string // grassroots union in another district

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    // The couriers' federation and one of its unions, for the search.
    await union(t, { code: '110105900', name: '朝阳区快递行业工会联合会', level: 'federation', parent: '110105', district: '朝阳区', accepts: true })
    await union(t, { code: '110105900002', name: '中通快递朝阳分拨中心工会', level: 'grassroots', parent: '110105900', district: '朝阳区' })
    await cardHolder(t, 'card-member', { union: '110105001001', name: '李建国', phone: '13811112222' })
    await cardHolder(t, 'haidian-applicant', { union: '110108001002', name: '陈静', status: 'pending' })
    await adminUser(t, 'platform-admin')
    staff = await staffOf(t, 'street-staff', '110105001')
    hdStaff = await staffOf(t, 'haidian-staff', '110108001')
    guomao = await unionByCode(t, '110105001001')
    baoan = await unionByCode(t, '110105001004')
    hdWuye = await unionByCode(t, '110108001002')
  }, 60_000)
  afterAll(() => t?.close())

  describe('sessions', () => {
    it('should log a member, staff and the admin in with their roles from the database', async () => {
      const m = await ok(call(t, 'auth', 'login', { code: 'dev:card-member' }))
      expect(m.roles).toEqual(['member'])
      expect(m.token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
      expect((await ok(call(t, 'auth', 'login', { code: 'dev:street-staff' }))).roles).toEqual(['staff'])
      expect((await ok(call(t, 'auth', 'login', { code: 'dev:platform-admin' }))).roles).toEqual(['admin'])
    })

    it('should answer 401 when the token is missing or invalid', async () => {
      const none = await call(t, 'member', 'myCard', {})
      expect(none.status).toBe(401)
      expect(none.body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
      const bad = await call(t, 'member', 'myCard', {}, 'x'.repeat(43))
      expect(bad.status).toBe(401)
    })

    it('should refuse a malformed login code', async () => {
      const r = await call(t, 'auth', 'login', { code: 'dev:<script>' })
      expect(r.status).toBe(400)
      expect(r.body.ok).toBe(false)
    })

    it('should keep only the newest sessions live when one account logs in again and again', async () => {
      const tokens: string[] = []
      for (let i = 0; i < MAX_SESSIONS + 5; i++) tokens.push(await login(t, 'many-sessions-1'))
      const live = await Promise.all(tokens.map(async (tok) => (await call(t, 'auth', 'me', {}, tok)).status))
      expect(live.slice(-MAX_SESSIONS)).toEqual(Array(MAX_SESSIONS).fill(200))
      expect(live.slice(0, 5)).toEqual(Array(5).fill(401))
      const [{ n }] = await t.app.db.query<{ n: number }>("select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.openid = 'many-sessions-1'")
      expect(n).toBe(MAX_SESSIONS)
    })

    it('should ignore roles sent in the request body', async () => {
      const r = await call(t, 'auth', 'login', { code: 'dev:sneaky-1', roles: ['admin'] })
      expect(r.status).toBe(400)
      const tok = await login(t, 'sneaky-1')
      expect((await call(t, 'member', 'pending', {}, tok)).status).toBe(403)
    })
  })

  describe('union.list', () => {
    it('should find joinable unions by name with their parent', async () => {
      const tok = await login(t, 'searcher')
      const r = await ok(call(t, 'union', 'list', { q: '快递', acceptsMembers: true }, tok))
      const names = r.items.map((u: { name: string }) => u.name)
      expect(names).toContain('朝阳区快递行业工会联合会')
      expect(names).toContain('中通快递朝阳分拨中心工会')
      expect(r.items.every((u: { acceptsMembers: boolean }) => u.acceptsMembers)).toBe(true)
      const zt = r.items.find((u: { name: string }) => u.name === '中通快递朝阳分拨中心工会')
      expect(zt.parentName).toBe('朝阳区快递行业工会联合会')
      expect(zt.level).toBe('grassroots')
    })

    it('should treat % and _ in the search as plain text', async () => {
      const tok = await login(t, 'searcher')
      expect((await ok(call(t, 'union', 'list', { q: '%' }, tok))).items).toEqual([])
    })
  })

  describe('register and myCard', () => {
    it('should issue an active card at once where policy says instant, masked and with a verifiable QR', async () => {
      const tok = await login(t, 'newcomer-1')
      expect((await call(t, 'member', 'myCard', {}, tok)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      const p = person({ idNumber: makeIdNumber('110105', '19960318', 321), phone: '13900001111' })
      const r = await ok(call(t, 'member', 'register', { ...p, unionId: guomao }, tok))
      expect(r.status).toBe('active')
      const card = await ok(call(t, 'member', 'myCard', {}, tok))
      expect(card).toMatchObject({ status: 'active', unionId: guomao, unionName: '北京国贸物业管理有限公司工会', name: '张小满', occupation: 'food_delivery' })
      expect(card.cardNo).toMatch(/^110105001001-\d{6}$/)
      expect(card.idNumberMasked).toBe(p.idNumber.slice(0, 6) + '********' + p.idNumber.slice(14))
      expect(card.phoneMasked).toBe('139****1111')
      expect(JSON.stringify(card)).not.toContain(p.idNumber)
      expect(JSON.stringify(card)).not.toContain('13900001111')
      expect(card.issuedAt).toBeTruthy()
      // The card number is stable across reads; the QR is fresh.
      expect((await ok(call(t, 'member', 'myCard', {}, tok))).cardNo).toBe(card.cardNo)
      const v = await ok(call(t, 'member', 'verifyCard', { qr: card.qr }, staff))
      expect(v).toMatchObject({ valid: true, cardNo: card.cardNo, name: '张小满', status: 'active' })
      // The member now has the member role.
      expect((await ok(call(t, 'auth', 'me', {}, tok))).roles).toEqual(['member'])
    })

    it('should store ID numbers and phones only encrypted, unique through a keyed hash', async () => {
      const rows = await t.app.db.query<Record<string, unknown>>(`select * from members m join users u on u.id = m.user_id where u.openid = 'newcomer-1'`)
      const text = JSON.stringify(rows[0])
      expect(text).not.toMatch(/110105199603183\d\d/)
      expect(text).not.toContain('13900001111')
      expect(t.app.sealer.decrypt(rows[0].phone_enc as string)).toBe('13900001111')
    })

    it('should reject a wrong check digit with a field error and change nothing', async () => {
      const before = await counts(t)
      const tok = await login(t, 'newcomer-2')
      const good = makeIdNumber('110105', '19900101', 111)
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
      const r = await call(t, 'member', 'register', { ...person(), idNumber: bad, unionId: guomao }, tok)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { idNumber: '身份证号校验位不正确，请核对后重新输入' } } })
      expect(await counts(t)).toEqual(before)
    })

    it("should answer a stranger using a member's ID number exactly like a new applicant, and never issue a second card", async () => {
      const id = makeIdNumber('110105', '19880808', 222)
      const owner = await login(t, 'owner-1')
      expect((await ok(call(t, 'member', 'register', { ...person(), idNumber: id, unionId: guomao }, owner))).status).toBe('active')
      // Someone unknown to the union applies with a number nobody holds, and the impostor with the owner's.
      const fresh = await call(t, 'member', 'register', { ...person(), idNumber: makeIdNumber('110105', '19880808', 223), unionId: baoan }, await login(t, 'stranger-1'))
      const impostor = await login(t, 'impostor-1')
      const r = await call(t, 'member', 'register', { ...person(), idNumber: id.toLowerCase(), unionId: baoan }, impostor)
      expect([r.status, r.body.ok && r.body.data.status]).toEqual([fresh.status, 'pending'])
      expect(Object.keys(r.body.ok ? r.body.data.card : {}).sort()).toEqual(Object.keys(fresh.body.ok ? fresh.body.data.card : {}).sort())
      expect(JSON.stringify(r.body)).not.toMatch(/已办理|已有会员卡|持有/)
      // The owner is told in their own account.
      const card = await ok(call(t, 'member', 'myCard', {}, owner))
      expect(card.notices).toEqual([{ at: expect.any(String), text: expect.stringContaining('有人用您的身份证号申请入会') }])
      expect((await ok(call(t, 'member', 'myCard', {}, impostor))).notices).toEqual([])
      // Staff see the claim and cannot approve it; rejecting it tells the impostor.
      const staff = await login(t, 'street-staff')
      const queue = await ok(call(t, 'member', 'pending', {}, staff))
      const item = queue.items.find((i: { memberId: string }) => r.body.ok && i.memberId === r.body.data.memberId)
      expect(item).toMatchObject({ claimsHeldId: true })
      const approve = await call(t, 'member', 'review', { memberId: item.memberId, approve: true }, staff)
      expect([approve.status, (approve.body as any).error.code]).toEqual([409, 'INVALID_STATE'])
      await ok(call(t, 'member', 'review', { memberId: item.memberId, approve: false, reason: '身份信息与已有会员不符' }, staff))
      expect((await ok(call(t, 'member', 'myCard', {}, impostor))).status).toBe('rejected')
      const [row] = await t.app.db.query<{ active: number }>(
        `select count(*)::int as active from cards c join members m on m.id = c.member_id where m.id_hash = $1 and c.status = 'active'`,
        [t.app.sealer.hash('id', id)],
      )
      expect(row.active).toBe(1)
      // The owner registering again is told it is theirs already.
      const again = await call(t, 'member', 'register', { ...person(), unionId: guomao }, owner)
      expect(again.body).toMatchObject({ ok: false, error: { code: 'ALREADY_REGISTERED' } })
    })

    it('should answer 404 for an unknown union and 409 for one that takes no members, changing nothing', async () => {
      const before = await counts(t)
      const tok = await login(t, 'newcomer-3')
      const unknown = await call(t, 'member', 'register', { ...person(), unionId: '00000000-0000-4000-8000-000000000000' }, tok)
      expect(unknown.status).toBe(404)
      expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      const notUuid = await call(t, 'member', 'register', { ...person(), unionId: 'nope' }, tok)
      expect(notUuid.status).toBe(404)
      const street = await unionByCode(t, '110105001')
      const closed = await call(t, 'member', 'register', { ...person(), unionId: street }, tok)
      expect(closed.status).toBe(409)
      expect(closed.body).toMatchObject({ ok: false, error: { code: 'UNION_CLOSED' } })
      expect(await counts(t)).toEqual(before)
    })
  })

  describe('staff review', () => {
    let pendingId: string
    let applicant: string

    it('should queue an application where policy says review, visible only to staff in scope', async () => {
      applicant = await login(t, 'guard-1')
      const r = await ok(call(t, 'member', 'register', { ...person({ occupation: 'security_guard' }), unionId: baoan }, applicant))
      expect(r.status).toBe('pending')
      pendingId = r.memberId
      const card = await ok(call(t, 'member', 'myCard', {}, applicant))
      expect(card).toMatchObject({ status: 'pending', qr: null, cardNo: null })
      const q = await ok(call(t, 'member', 'pending', {}, staff))
      expect(q.items.map((i: { memberId: string }) => i.memberId)).toContain(pendingId)
      expect(q.items.every((i: { unionName: string }) => i.unionName !== '海淀区中关村物业服务企业联合工会')).toBe(true)
      const hd = await ok(call(t, 'member', 'pending', {}, hdStaff))
      expect(hd.items.map((i: { memberId: string }) => i.memberId)).not.toContain(pendingId)
      expect(hd.items.map((i: { name: string }) => i.name)).toContain('陈静')
    })

    it('should refuse members and out-of-scope staff, changing nothing', async () => {
      const before = await counts(t)
      const member = await login(t, 'card-member')
      expect((await call(t, 'member', 'pending', {}, member)).status).toBe(403)
      const r = await call(t, 'member', 'review', { memberId: pendingId, approve: true }, hdStaff)
      expect(r.status).toBe(403)
      expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await counts(t)).toEqual(before)
      expect((await ok(call(t, 'member', 'myCard', {}, applicant))).status).toBe('pending')
    })

    it('should require a reason to reject', async () => {
      const r = await call(t, 'member', 'review', { memberId: pendingId, approve: false }, staff)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ ok: false, error: { fields: { reason: '不通过时请填写原因' } } })
    })

    it('should reject with a reason, let the member re-apply, then approve with a card number and audit both', async () => {
      await ok(call(t, 'member', 'review', { memberId: pendingId, approve: false, reason: '工作单位信息与劳动合同不一致' }, staff))
      const rejected = await ok(call(t, 'member', 'myCard', {}, applicant))
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '工作单位信息与劳动合同不一致' })
      await ok(call(t, 'member', 'register', { ...person({ occupation: 'security_guard', employer: '北京安泰保安服务有限公司' }), unionId: baoan }, applicant))
      const approved = await ok(call(t, 'member', 'review', { memberId: pendingId, approve: true }, staff))
      expect(approved.status).toBe('active')
      expect(approved.cardNo).toMatch(/^110105001004-\d{6}$/)
      expect((await ok(call(t, 'member', 'myCard', {}, applicant))).cardNo).toBe(approved.cardNo)
      const again = await call(t, 'member', 'review', { memberId: pendingId, approve: true }, staff)
      expect(again.status).toBe(404)

      const audit = await t.app.db.query<{ action: string; actor_role: string; before: any; after: any }>(
        `select a.action, a.actor_role, a.before, a.after from audit_log a join cards c on c.id::text = a.entity_id
         where c.member_id = $1 and a.action = 'member.review' order by a.id`,
        [pendingId],
      )
      expect(audit).toHaveLength(2)
      expect(audit[0]).toMatchObject({ actor_role: 'staff', before: { status: 'pending' }, after: { status: 'rejected', reason: '工作单位信息与劳动合同不一致' } })
      expect(audit[1]).toMatchObject({ after: { status: 'active', cardNo: approved.cardNo } })
    })

    it('should keep the audit log append-only', async () => {
      await expect(t.app.db.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/)
      await expect(t.app.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/)
    })
  })

  describe('card verification', () => {
    it('should refuse expired, tampered and out-of-scope QRs, and non-staff', async () => {
      const member = await login(t, 'card-member')
      const card = await ok(call(t, 'member', 'myCard', {}, member))
      expect((await call(t, 'member', 'verifyCard', { qr: card.qr }, hdStaff)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect((await call(t, 'member', 'verifyCard', { qr: card.qr }, member)).status).toBe(403)
      const tampered = card.qr.replace(/\.(\d+)\./, (_: string, exp: string) => `.${Number(exp) + 3600}.`)
      expect((await call(t, 'member', 'verifyCard', { qr: tampered }, staff)).body).toMatchObject({ ok: false, error: { code: 'QR_INVALID' } })
      const realNow = t.app.now
      t.app.now = () => new Date(Date.now() + 10 * 60_000)
      try {
        const expired = await call(t, 'member', 'verifyCard', { qr: card.qr }, staff)
        expect(expired.status).toBe(400)
        expect(expired.body).toMatchObject({ ok: false, error: { code: 'QR_EXPIRED' } })
      } finally {
        t.app.now = realNow
      }
      const admin = await login(t, 'platform-admin')
      expect((await ok(call(t, 'member', 'verifyCard', { qr: card.qr }, admin))).valid).toBe(true)
    })
  })

  describe('transfer', () => {
    it('should move a member only when the receiving union approves', async () => {
      const tok = await login(t, 'mover-1')
      await ok(call(t, 'member', 'register', { ...person(), unionId: guomao }, tok))
      const oldNo = (await ok(call(t, 'member', 'myCard', {}, tok))).cardNo
      const r = await ok(call(t, 'member', 'transfer', { toUnionId: hdWuye }, tok))
      expect(r).toEqual({ status: 'pending', toUnionId: hdWuye, toUnionName: '海淀区中关村物业服务企业联合工会' })
      expect((await call(t, 'member', 'transfer', { toUnionId: hdWuye }, tok)).status).toBe(409)
      const card = await ok(call(t, 'member', 'myCard', {}, tok))
      expect(card).toMatchObject({ status: 'active', cardNo: oldNo, pendingTransfer: { toUnionId: hdWuye } })
      const item = (await ok(call(t, 'member', 'pending', {}, hdStaff))).items.find((i: { memberId: string }) => i.memberId === card.memberId)
      expect(item).toMatchObject({ kind: 'transfer', fromUnionName: '北京国贸物业管理有限公司工会' })
      // The sending union's staff cannot approve the move into another district.
      expect((await call(t, 'member', 'review', { memberId: card.memberId, approve: true }, staff)).status).toBe(403)
      const done = await ok(call(t, 'member', 'review', { memberId: card.memberId, approve: true }, hdStaff))
      expect(done.cardNo).toMatch(/^110108001002-\d{6}$/)
      const moved = await ok(call(t, 'member', 'myCard', {}, tok))
      expect(moved).toMatchObject({ status: 'active', unionId: hdWuye, cardNo: done.cardNo, pendingTransfer: null })
      const old = await t.app.db.query<{ status: string }>('select status from cards where card_no = $1', [oldNo])
      expect(old[0].status).toBe('transferred')
    })

    it('should refuse a transfer without an active card', async () => {
      const r = await call(t, 'member', 'transfer', { toUnionId: hdWuye }, await login(t, 'nobody-1'))
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    })
  })

  describe('envelope and entry points', () => {
    it('should answer unknown functions and actions with 404 and bad bodies with 400, without stack traces', async () => {
      const tok = await login(t, 'card-member')
      const unknownFn = await post(t, '/api/nope', '{"action":"x"}')
      expect(unknownFn.status).toBe(404)
      expect((await call(t, 'member', 'explode', {}, tok)).status).toBe(404)
      const badJson = await post(t, '/api/member', '{"action":')
      expect(badJson.status).toBe(400)
      expect(JSON.parse(badJson.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
      expect(badJson.text).not.toMatch(/at .*\.(js|ts):\d+/)
      const wrongType = await call(t, 'member', 'register', { name: 42 }, tok)
      expect(wrongType.status).toBe(400)
      expect(wrongType.body.ok).toBe(false)
    })

    it('should serve the WeChat entry point with the OPENID from the context, not the event', async () => {
      setApp(t.app)
      try {
        const r = (await memberFn.main({ action: 'myCard', data: {}, userInfo: { openId: 'platform-admin' } }, { OPENID: 'card-member' })) as any
        expect(r.ok).toBe(true)
        expect(r.data.name).toBe('李建国')
        const anon = (await memberFn.main({ action: 'myCard', data: {} }, {})) as any
        expect(anon).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      } finally {
        setApp(null)
      }
    })
  })
})

// Four eyes on every yuan of hardship relief: nobody checks, approves, files or pays their own or their
// household's case, and a budget increase counts only once a second person in the proposer's union or
// above confirms it.
import { backends, call, ok, startTestApp, type TestApp } from '../support/app'
import { rid } from '../support/shop'
import { application, budget, filedHousehold, person, unionId } from '../support/subsidy'
import { admin, cardHolder, staff, unionTree } from '../support/fixtures'

const DAY = 86_400_000
const yuan = (y: number) => Math.round(y * 100)
const OWN_CASE = '这是您本人或家庭成员的帮扶事项，须由其他工作人员办理'
const forbidden = (message?: string) => ({ ok: false, error: { code: 'FORBIDDEN', ...(message ? { message } : {}) } })

describe.each(backends())('four eyes on hardship relief on %s', (backend) => {
  let t: TestApp
  let clock = new Date('2026-11-25T02:00:00Z') // Shanghai 10:00, winter send-warmth season
  let street: string // Jianwai street union clerk
  let gm: string // grassroots clerk of the 国贸物业 company union
  let chaoyang: string // district union clerk, above Jianwai
  const one = async <T>(sql: string, params: unknown[] = []) => (await t.app.db.query<T>(sql, params))[0]
  const auditActions = async (entityId: string) =>
    (await t.app.db.query<{ action: string; actor_user_id: string }>('select action, actor_user_id from audit_log where entity_id = $1 order by id', [entityId])).map((r) => r.action)

  beforeAll(async () => {
    t = await startTestApp(backend, { now: () => clock, demo: false })
    await unionTree(t)
    street = await staff(t, 'street-staff', '110105001')
    gm = await staff(t, 'guomao-staff', '110105001001')
    chaoyang = await staff(t, 'chaoyang-staff', '110105')
    await budget(t, '110105001', 'comfort_serious', yuan(30_000))
    await budget(t, '110105001', 'winter_warmth', yuan(50_000))
    // A deep-difficulty household filed in the community union.
    const care = await cardHolder(t, 'care-worker', { union: '110105001003', name: '何秀英', phone: '13522223333', occupation: 'care_worker' })
    await filedHousehold(t, care, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2200) }, { relation: 'parent', monthlyIncomeFen: yuan(300) }], conditions: ['serious_illness'] }, '13522223333')
  }, 90_000)
  afterAll(() => t?.close())

  describe('budgets', () => {
    let jianwai: string
    let heFile: string
    beforeAll(async () => {
      jianwai = await unionId(t, '110105001')
      heFile = (await one<{ id: string }>(`select f.id from subsidy_files f join members m on m.id = f.member_id where m.name = '何秀英'`)).id
    })
    const comfort = (totalFen: number) => ({ unionId: jianwai, programme: 'comfort_serious', year: 2026, totalFen })
    const total = async () => (await one<{ total_fen: number }>(`select total_fen from subsidy_budgets where union_id = $1 and programme = 'comfort_serious' and year = 2026`, [jianwai])).total_fen

    it('should keep a clerk from funding their own union’s budget and paying from it with no second person', async () => {
      // A cut applies at once: it can only stop payments.
      expect(await ok(call(t, 'subsidy', 'setBudget', comfort(yuan(2000)), street))).toMatchObject({ status: 'applied', totalFen: yuan(2000), changeId: null })
      const raised = await ok(call(t, 'subsidy', 'setBudget', comfort(yuan(5000)), street))
      expect(raised).toMatchObject({ status: 'pending', totalFen: yuan(2000), pending: { fromFen: yuan(2000), toFen: yuan(5000), requestedBy: '建外街道总工会', canDecide: 'withdraw' } })
      expect(await total()).toBe(yuan(2000))
      // Asking again is the same request, not a second one.
      expect((await ok(call(t, 'subsidy', 'setBudget', comfort(yuan(5000)), street))).changeId).toBe(raised.changeId)

      const pay = { fileId: heFile, programme: 'comfort_serious' }
      const early = await call(t, 'subsidy', 'disburse', { ...pay, requestId: rid() }, street)
      expect(early.body).toMatchObject({ ok: false, error: { code: 'BUDGET_EXHAUSTED', message: expect.stringContaining('¥2000.00') } })
      const self = await call(t, 'subsidy', 'confirmBudget', { changeId: raised.changeId, approve: true }, street)
      expect(self.body).toMatchObject(forbidden('预算增加须由另一位工作人员确认，不能确认自己提交的调整'))
      // A grassroots clerk below the proposer cannot confirm it either; nor can the database be made to.
      expect((await call(t, 'subsidy', 'confirmBudget', { changeId: raised.changeId, approve: true }, gm)).body).toMatchObject(forbidden())
      await expect(t.app.db.query(`update subsidy_budget_changes set status = 'confirmed', decided_by = requested_by where id = $1`, [raised.changeId])).rejects.toThrow(/second_person/)
      expect(await total()).toBe(yuan(2000))

      // The district union sees it waiting and confirms: only then is the money there.
      const seen = (await ok(call(t, 'subsidy', 'budgets', {}, chaoyang))).items.find((b: any) => b.unionId === jianwai && b.programme === 'comfort_serious')
      expect(seen.pending).toMatchObject({ changeId: raised.changeId, canDecide: 'confirm' })
      expect(await ok(call(t, 'subsidy', 'confirmBudget', { changeId: raised.changeId, approve: true }, chaoyang))).toMatchObject({ status: 'applied', totalFen: yuan(5000), pending: null })
      expect(await ok(call(t, 'subsidy', 'confirmBudget', { changeId: raised.changeId, approve: true }, chaoyang))).toMatchObject({ status: 'applied' })
      expect(await ok(call(t, 'subsidy', 'disburse', { ...pay, requestId: rid() }, street))).toMatchObject({ amountFen: yuan(3000), budgetRemainingFen: yuan(2000) })
      const [request, confirm] = await t.app.db.query<{ action: string; actor_user_id: string }>(
        `select action, actor_user_id from audit_log where action in ('subsidy.budget.request', 'subsidy.budget') and (entity_id = $1 or after->>'changeId' = $1) order by id`,
        [raised.changeId],
      )
      expect([request.action, confirm.action]).toEqual(['subsidy.budget.request', 'subsidy.budget'])
      expect(request.actor_user_id).not.toBe(confirm.actor_user_id)
    })

    it('should let a second clerk of the same union confirm, the proposer withdraw, and another reject', async () => {
      const colleague = await person(t, 'fe-street-2', { name: '郑晓燕', phone: '13700000001', memberUnion: '110105001003', staffUnion: '110105001' })
      const a = await ok(call(t, 'subsidy', 'setBudget', comfort(yuan(6000)), street))
      // While one increase waits, nobody stacks another on it.
      expect((await call(t, 'subsidy', 'setBudget', comfort(yuan(9000)), chaoyang)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(await ok(call(t, 'subsidy', 'confirmBudget', { changeId: a.changeId, approve: true }, colleague.token))).toMatchObject({ status: 'applied', totalFen: yuan(6000) })

      const b = await ok(call(t, 'subsidy', 'setBudget', comfort(yuan(7000)), street))
      expect(await ok(call(t, 'subsidy', 'confirmBudget', { changeId: b.changeId, approve: false }, street))).toMatchObject({ status: 'withdrawn', totalFen: yuan(6000) })
      // The district's own increase needs the district or above: the street clerks below may not confirm it.
      const c = await ok(call(t, 'subsidy', 'setBudget', comfort(yuan(8000)), chaoyang))
      expect((await call(t, 'subsidy', 'confirmBudget', { changeId: c.changeId, approve: true }, street)).body).toMatchObject(forbidden('预算增加须由提交人所在工会或上级工会的另一位工作人员确认'))
      expect(await ok(call(t, 'subsidy', 'confirmBudget', { changeId: c.changeId, approve: false }, await admin(t, 'platform-admin')))).toMatchObject({ status: 'rejected', totalFen: yuan(6000) })
      expect(await total()).toBe(yuan(6000))
      expect(await auditActions(b.changeId)).toEqual(['subsidy.budget.request', 'subsidy.budget.withdraw'])
      expect(await auditActions(c.changeId)).toEqual(['subsidy.budget.request', 'subsidy.budget.reject'])
    })

    it('should show a first budget for a union waiting at zero until it is confirmed', async () => {
      const guomao = await unionId(t, '110105001001')
      const first = await ok(call(t, 'subsidy', 'setBudget', { unionId: guomao, programme: 'school_aid', year: 2026, totalFen: yuan(800) }, street))
      expect(first).toMatchObject({ status: 'pending', totalFen: 0, spentFen: 0, pending: { fromFen: 0, toFen: yuan(800) } })
      expect(await one('select count(*)::int as n from subsidy_budgets where union_id = $1', [guomao])).toEqual({ n: 0 })
      const listed = (await ok(call(t, 'subsidy', 'budgets', { unionId: guomao }, chaoyang))).items
      expect(listed).toEqual([expect.objectContaining({ unionId: guomao, programme: 'school_aid', totalFen: 0, pending: expect.objectContaining({ toFen: yuan(800), canDecide: 'confirm' }) })])
      expect(await ok(call(t, 'subsidy', 'confirmBudget', { changeId: first.changeId, approve: true }, chaoyang))).toMatchObject({ status: 'applied', totalFen: yuan(800) })
    })
  })

  describe('cases', () => {
    it('should keep a grassroots clerk from checking their own application', async () => {
      const clerk = await person(t, 'fe-clerk', { name: '吴秀梅', phone: '13700000002', memberUnion: '110105001001', staffUnion: '110105001001' })
      const { applicationId } = await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000002' }), clerk.token))
      const mine = (await ok(call(t, 'subsidy', 'queue', {}, clerk.token))).items.find((i: any) => i.applicationId === applicationId)
      expect(mine.canAct).toBeNull()
      expect((await call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'check' }, clerk.token)).body).toMatchObject(forbidden(OWN_CASE))
      expect((await call(t, 'subsidy', 'review', { applicationId, decision: 'reject', reason: '自己退回自己' }, clerk.token)).body).toMatchObject(forbidden(OWN_CASE))
      expect(await ok(call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'check' }, gm))).toMatchObject({ status: 'checked' })
    })

    it('should keep a street officer from approving their own application after someone else checked it, filing it or paying it', async () => {
      const officer = await person(t, 'fe-officer', { name: '钱国栋', phone: '13700000003', memberUnion: '110105001001', staffUnion: '110105001' })
      const { applicationId } = await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000003' }), officer.token))
      await ok(call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'check' }, gm))
      const waiting = (await ok(call(t, 'subsidy', 'queue', { status: 'checked' }, officer.token))).items.find((i: any) => i.applicationId === applicationId)
      expect(waiting.canAct).toBeNull()
      expect((await call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'approve' }, officer.token)).body).toMatchObject(forbidden(OWN_CASE))
      expect(await ok(call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'approve' }, street))).toMatchObject({ status: 'notice' })

      clock = new Date(clock.getTime() + 5 * DAY)
      expect((await call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'finalize' }, officer.token)).body).toMatchObject(forbidden(OWN_CASE))
      const { fileId } = await ok(call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'finalize' }, street))
      expect((await call(t, 'subsidy', 'disburse', { requestId: rid(), fileId, programme: 'winter_warmth' }, officer.token)).body).toMatchObject(forbidden(OWN_CASE))
      expect(await one('select count(*)::int as n from subsidy_payments where file_id = $1', [fileId])).toEqual({ n: 0 })
      expect(await ok(call(t, 'subsidy', 'disburse', { requestId: rid(), fileId, programme: 'winter_warmth' }, street))).toMatchObject({ amountFen: yuan(1000) })
      // The officer still reads the file (staff in scope), as every clerk does.
      expect((await ok(call(t, 'subsidy', 'file', { fileId }, officer.token))).memberName).toBe('钱国栋')
    })

    it('should treat a clerk whose phone the household gave as its contact as a household member', async () => {
      const husband = await person(t, 'fe-husband', { name: '孙建华', phone: '13700000004', memberUnion: '110105001003', staffUnion: '110105001001' })
      const wife = await person(t, 'fe-wife', { name: '李淑芬', phone: '13700000005', memberUnion: '110105001001' })
      const { applicationId } = await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000004' }), wife.token))
      expect((await call(t, 'subsidy', 'review', { applicationId, decision: 'pass' }, husband.token)).body).toMatchObject(forbidden(OWN_CASE))
      expect(await ok(call(t, 'subsidy', 'review', { applicationId, decision: 'pass' }, gm))).toMatchObject({ status: 'checked' })
    })
  })
})

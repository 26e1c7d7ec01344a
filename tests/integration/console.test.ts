import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { caseload } from '../support/caseload'
import { admin as adminOf, cardHolder, staff as staffOf, stationsOverBeijing, unionTree } from '../support/fixtures'

describe.each(backends())('staff console on %s', (backend) => {
  let t: TestApp
  let staff: string
  let admin: string

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    await caseload(t, 'guomao-staff')
    await stationsOverBeijing(t, 1000)
    await cardHolder(t, 'console-member', { union: '110105001001', name: '李建国' })
    await cardHolder(t, 'console-applicant', { union: '110105001004', name: '赵强', status: 'pending' })
    await cardHolder(t, 'console-haidian', { union: '110108001002', name: '陈静' })
    staff = await staffOf(t, 'street-staff', '110105001')
    admin = await adminOf(t, 'platform-admin')
    await staffOf(t, 'haidian-staff', '110108001')
    // Four published campaigns of the street union.
    const now = Date.now()
    for (const title of ['冬送温暖慰问', '夏送清凉慰问', '两节慰问走访', '职工读书分享']) {
      const form = { kind: 'activity', title, body: `${title}活动报名开始了。`, startsAt: new Date(now).toISOString(), endsAt: new Date(now + 86400_000).toISOString(), action: 'signup' }
      await ok(call(t, 'campaign', 'publish', { id: (await ok(call(t, 'campaign', 'save', form, staff))).id }, staff))
    }
  }, 60_000)
  afterAll(() => t?.close())

  it('should summarise members, stations, sales and campaigns of the staff subtree', async () => {
    const d = await ok(call(t, 'console', 'dashboard', {}, staff))
    expect(d.union.name).toBe('建外街道总工会')
    // Active cards in Jianwai: 李建国 and the four households of the caseload; 赵强 waits for review.
    const m = { active: 5, pending: 1 }
    expect(d.members).toMatchObject({ active: m.active, pending: m.pending })
    expect(d.members.byOccupation.reduce((s: number, o: { count: number }) => s + o.count, 0)).toBe(m.active)
    expect(d.stations.count).toBeGreaterThan(50)
    expect(d.campaigns.published).toBeGreaterThanOrEqual(4)
    const city = await ok(call(t, 'console', 'dashboard', {}, admin))
    expect(city.union).toBeNull()
    expect(city.members.active).toBeGreaterThanOrEqual(d.members.active)
  })

  it('should summarise hardship relief of the staff subtree only', async () => {
    const d = await ok(call(t, 'console', 'dashboard', {}, staff))
    const like = `(select path from unions where code = '110105001') || '%'`
    // What the caseload holds in Jianwai: two active files (one unchanged for a year, one never helped), two
    // applications under review, and budgets of 90,000 yuan of which 1,000 is spent.
    const f = { active: 2, archived: 0, stale: 1, never_helped: 1, at_risk: 0 }
    const a = { open: 2 }
    const b = { total: 9_000_000, remaining: 8_900_000 }
    const s = d.subsidy
    expect(s.files).toMatchObject({ active: f.active, archived: f.archived, stale: f.stale, neverHelped: f.never_helped, atRisk: f.at_risk })
    expect(s.files.byCategory.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(f.active)
    expect(s.applicationsOpen).toBe(a.open)
    expect(s).toMatchObject({ budgetThisYearFen: Number(b.total), budgetRemainingFen: Number(b.remaining) })
    // The caseload: 何秀英 (deep, filed 13 months ago, paid 1,000 yuan this winter) and 王秀珍 (temporary, never helped);
    // 张桂兰 and 刘德胜 under review; 周晓东's accident file belongs to Chaoyang, not Jianwai.
    expect(s.files.active).toBeGreaterThanOrEqual(2)
    expect(s.files.stale).toBeGreaterThanOrEqual(1)
    expect(s.files.neverHelped).toBeGreaterThanOrEqual(1)
    expect(s.applicationsOpen).toBeGreaterThanOrEqual(2)
    expect(s.paidThisYearFen).toBeGreaterThanOrEqual(100_000)
    expect(s.paymentsThisYear).toBeGreaterThanOrEqual(1)
    expect(s.files.byCategory.map((c: { category: string }) => c.category)).not.toContain('accident')
    const [zhou] = await t.app.db.query<{ category: string; status: string; in_jianwai: boolean }>(
      `select f.category, f.status, u.path like ${like} as in_jianwai from subsidy_files f join members m on m.id = f.member_id join unions u on u.id = f.union_id where m.name = '周晓东'`,
    )
    expect(zhou).toEqual({ category: 'accident', status: 'active', in_jianwai: false })
    const city = await ok(call(t, 'console', 'dashboard', {}, admin))
    const [all] = await t.app.db.query<{ n: number }>(`select count(*)::int as n from subsidy_files where status = 'active'`)
    expect(city.subsidy.files.active).toBe(all.n)
    expect(city.subsidy.files.byCategory.map((c: { category: string }) => c.category)).toContain('accident')

    // A reversed payment no longer counts as paid this year.
    const [pay] = await t.app.db.query<{ id: string; amount_fen: number }>(`select p.id, p.amount_fen from subsidy_payments p join subsidy_files f on f.id = p.file_id join members m on m.id = f.member_id where m.name = '何秀英' and p.status = 'paid' limit 1`)
    await t.app.db.query(`update subsidy_payments set status = 'reversed', reversed_at = now() where id = $1`, [pay.id])
    try {
      const after = (await ok(call(t, 'console', 'dashboard', {}, staff))).subsidy
      expect(after.paidThisYearFen).toBe(s.paidThisYearFen - Number(pay.amount_fen))
      expect(after.paymentsThisYear).toBe(s.paymentsThisYear - 1)
    } finally {
      await t.app.db.query(`update subsidy_payments set status = 'paid', reversed_at = null where id = $1`, [pay.id])
    }

    const haidian = await login(t, 'haidian-staff')
    const h = (await ok(call(t, 'console', 'dashboard', {}, haidian))).subsidy
    // Haidian has no files, applications or payments; the caseload does give its street union a budget of its own.
    const [hb] = await t.app.db.query<{ total: number }>(
      `select coalesce(sum(b.total_fen), 0)::bigint as total from subsidy_budgets b join unions u on u.id = b.union_id
       where b.year = extract(year from now() at time zone 'Asia/Shanghai') and u.path like (select path from unions where code = '110108001') || '%'`,
    )
    expect(h).toEqual({
      files: { active: 0, archived: 0, byCategory: [], stale: 0, neverHelped: 0, atRisk: 0 },
      applicationsOpen: 0,
      paidThisYearFen: 0,
      paymentsThisYear: 0,
      budgetThisYearFen: Number(hb.total),
      budgetRemainingFen: Number(hb.total),
    })
  })

  it('should export hardship relief files household by household, masked and formula-safe', async () => {
    const r = await ok(call(t, 'console', 'export', { table: 'subsidy_files' }, staff))
    expect(r.filename).toMatch(/^建外街道总工会-困难职工档案-\d{8}\.csv$/)
    const lines: string[] = r.csv.replace(/^\uFEFF/, '').split('\n').filter(Boolean)
    expect(lines[0]).toBe('档案号,姓名,所在工会,类别,档案类型,状态,家庭人口,人均月收入（元）,建档/更新日期,今年已帮扶（元）,累计帮扶（元）,最近帮扶日期,帮扶计划,返困风险')
    expect(r.rows).toBe(2) // 何秀英's and 王秀珍's files; 周晓东's is outside Jianwai
    expect(lines.length).toBe(r.rows + 1)
    const [he] = await t.app.db.query<{ file_no: string }>(`select f.file_no from subsidy_files f join members m on m.id = f.member_id where m.name = '何秀英'`)
    const row = lines.find((l) => l.startsWith(he.file_no))!.split(',')
    expect(row[1]).toBe('何**')
    expect(row[3]).toBe('深度困难')
    expect(row[5]).toBe('在档')
    expect(row[9]).toBe('1000.00')
    expect(row[10]).toBe('1000.00')
    expect(row[12]).toBe('有')
    expect(r.csv).not.toContain('何秀英')
    expect(r.csv).not.toContain('王秀珍')
    expect(r.csv).not.toContain('周晓东')
    expect(r.csv).not.toMatch(/\d{17}[\dX]/)
    expect(r.csv).not.toMatch(/1[3-9]\d{9}/)
    expect(r.csv).not.toContain('****')

    // Formula escaping: a risk reason written by the monitoring job starting with '=' is neutralised.
    await t.app.db.query(`update subsidy_files set at_risk = true, risk_reason_enc = $2 where file_no = $1`, [he.file_no, t.app.sealer.encrypt('=HYPERLINK("http://x")')])
    try {
      const esc = await ok(call(t, 'console', 'export', { table: 'subsidy_files' }, staff))
      expect(esc.csv).toContain(`"'=HYPERLINK(""http://x"")"`)
      expect(esc.csv).not.toMatch(/(^|,)=HYPERLINK/m)
    } finally {
      await t.app.db.query(`update subsidy_files set at_risk = false, risk_reason_enc = null where file_no = $1`, [he.file_no])
    }

    const haidian = await login(t, 'haidian-staff')
    expect((await ok(call(t, 'console', 'export', { table: 'subsidy_files' }, haidian))).rows).toBe(0)
  })

  it('should export each table as CSV with masked personal data', async () => {
    for (const table of ['members', 'stations', 'orders', 'campaigns', 'subsidy_files']) {
      const r = await ok(call(t, 'console', 'export', { table }, staff))
      expect(r.csv.startsWith('\uFEFF')).toBe(true)
      expect(r.filename).toMatch(/^建外街道总工会-.+-\d{8}\.csv$/)
      expect(r.csv.split('\n').filter(Boolean).length).toBe(r.rows + 1)
    }
    const members = await ok(call(t, 'console', 'export', { table: 'members' }, staff))
    expect(members.csv).toContain('李建国')
    expect(members.csv).not.toMatch(/\d{17}[\dX]/)
    expect(members.csv).not.toMatch(/1[3-9]\d{9}/)
  })

  it('should let only the platform admin assign and remove staff, with an audit trail', async () => {
    const [hd] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110108001002'`)
    expect((await call(t, 'admin', 'assignStaff', { openid: 'new-clerk', unionId: hd.id }, staff)).status).toBe(403)
    const a = await ok(call(t, 'admin', 'assignStaff', { openid: 'new-clerk', unionId: hd.id }, admin))
    expect(a).toMatchObject({ openid: 'new-clerk', unionName: '海淀区中关村物业服务企业联合工会' })
    const clerk = await login(t, 'new-clerk')
    expect((await ok(call(t, 'auth', 'me', {}, clerk))).roles).toEqual(['staff'])
    expect((await ok(call(t, 'member', 'pending', {}, clerk))).items.every((i: { unionName: string }) => i.unionName === '海淀区中关村物业服务企业联合工会')).toBe(true)
    expect((await ok(call(t, 'admin', 'staff', {}, admin))).items.map((s: { openid: string }) => s.openid)).toContain('new-clerk')
    expect(await ok(call(t, 'admin', 'removeStaff', { openid: 'new-clerk' }, admin))).toEqual({ openid: 'new-clerk', removed: true })
    expect((await call(t, 'member', 'pending', {}, clerk)).status).toBe(403)
    const trail = await t.app.db.query<{ action: string }>(`select action from audit_log where action like 'admin.%' order by id`)
    expect(trail.map((x) => x.action)).toEqual(['admin.assignStaff', 'admin.removeStaff'])
  })
})

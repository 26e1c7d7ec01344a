// The union staff console: dashboards and CSV exports over a union subtree in the caller's scope.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import type { Occupation } from '../../../types/member'
import { OCCUPATION_LABELS, CARD_STATUS_LABELS } from '../../../types/member'
import { STATION_KIND_LABELS } from '../../../types/station'
import { ORDER_STATUS_LABELS, PAID_ORDER_STATUSES } from '../../../types/shop'
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS } from '../../../types/campaign'
import { sqlList } from '../../db/sql'
import { scopeRoot, subtreeLike } from '../../platform/scope'
import { shanghai } from '../../platform/time'
import { render, type Cell, type Column } from '../../platform/sheet'
import { maskName } from '../../../types/mask'
import { fileCounts, fileExportRows } from '../subsidy/file-store'
import { staleCutoff } from '../subsidy/files'
import type { SubsidyCategory } from '../../../types/subsidy-labels'
import { CATEGORY_LABELS, FILE_KIND_LABELS, FILE_STATUS_LABELS, OPEN_APPLICATION_STATUSES } from '../../../types/subsidy-labels'

export async function dashboard(app: App, caller: Caller, input: ActionData<'console', 'dashboard'>) {
  const u = await scopeRoot(app.db, caller, input.unionId)
  const days = input.days ?? 30
  const since = new Date(app.now().getTime() - days * 86400_000)
  const p = [subtreeLike(u.path), since]
  const [m] = await app.db.query<{ active: number; pending: number; fresh: number }>(
    `select count(*) filter (where c.status = 'active')::int as active, count(*) filter (where c.status = 'pending')::int as pending,
       count(*) filter (where c.status = 'active' and c.issued_at >= $2)::int as fresh
     from cards c join unions u on u.id = c.union_id where u.path like $1`,
    p,
  )
  const occ = await app.db.query<{ occupation: Occupation; count: number }>(
    `select m.occupation, count(*)::int as count from cards c join members m on m.id = c.member_id join unions u on u.id = c.union_id
     where c.status = 'active' and u.path like $1 group by 1 order by 2 desc`,
    [p[0]],
  )
  const [s] = await app.db.query<{ count: number; visits: number; rating_sum: number; ratings: number }>(
    `select count(*)::int as count, coalesce(sum(s.rating_sum), 0)::int as rating_sum, coalesce(sum(s.rating_count), 0)::int as ratings,
       (select count(*)::int from station_checkins k join stations s2 on s2.id = k.station_id join unions u2 on u2.id = s2.union_id where u2.path like $1 and k.at >= $2) as visits
     from stations s join unions u on u.id = s.union_id where s.status = 'active' and u.path like $1`,
    p,
  )
  const [o] = await app.db.query<{ orders: number; amount: number; relief: number }>(
    `select count(distinct o.id)::int as orders, coalesce(sum(i.amount_fen), 0)::bigint as amount, coalesce(sum(i.amount_fen) filter (where i.relief), 0)::bigint as relief
     from orders o join order_items i on i.order_id = o.id join unions u on u.id = o.buyer_union_id
     where o.status in ${sqlList(PAID_ORDER_STATUSES)} and o.paid_at >= $2 and u.path like $1`,
    p,
  )
  const [c] = await app.db.query<{ published: number; joined: number; used: number }>(
    `select count(*) filter (where c.status = 'published')::int as published, coalesce(sum(c.taken), 0)::int as joined,
       (select count(*)::int from campaign_joins j join campaigns c2 on c2.id = j.campaign_id join unions u2 on u2.id = c2.union_id where u2.path like $1 and j.used_at is not null) as used
     from campaigns c join unions u on u.id = c.union_id where u.path like $1`,
    [p[0]],
  )
  const subsidy = await subsidySummary(app, p[0] as string)
  return {
    union: u.id ? { id: u.id, name: u.name } : null,
    days,
    members: { active: m.active, pending: m.pending, newInPeriod: m.fresh, byOccupation: occ },
    stations: { count: s.count, visitsInPeriod: s.visits, ratingAvg: s.ratings ? Math.round((s.rating_sum / s.ratings) * 10) / 10 : null, ratings: s.ratings },
    shop: { ordersInPeriod: o.orders, amountInPeriodFen: o.amount, reliefAmountInPeriodFen: o.relief },
    campaigns: c,
    subsidy,
  }
}

/** Hardship relief in the subtree under `like` (a unions.path prefix pattern). "This year" is the Shanghai calendar year. */
async function subsidySummary(app: App, like: string) {
  const year = shanghai(app.now()).year()
  const f = await fileCounts(app.db, 'u.path like $2', [staleCutoff(app), like])
  const byCategory = await app.db.query<{ category: SubsidyCategory; count: number }>(
    `select f.category, count(*)::int as count from subsidy_files f join unions u on u.id = f.union_id
     where f.status = 'active' and u.path like $1 group by 1 order by 2 desc, 1`,
    [like],
  )
  const [a] = await app.db.query<{ open: number }>(
    `select count(*)::int as open from subsidy_applications a join unions u on u.id = a.union_id
     where a.status in ${sqlList(OPEN_APPLICATION_STATUSES)} and u.path like $1`,
    [like],
  )
  const [pay] = await app.db.query<{ n: number; s: number }>(
    `select count(*)::int as n, coalesce(sum(p.amount_fen), 0)::bigint as s
     from subsidy_payments p join subsidy_files f on f.id = p.file_id join unions u on u.id = f.union_id
     where p.status = 'paid' and p.year = $2 and u.path like $1`,
    [like, year],
  )
  const [b] = await app.db.query<{ total: number; remaining: number }>(
    `select coalesce(sum(b.total_fen), 0)::bigint as total, coalesce(sum(b.total_fen - b.spent_fen), 0)::bigint as remaining
     from subsidy_budgets b join unions u on u.id = b.union_id where b.year = $2 and u.path like $1`,
    [like, year],
  )
  return {
    files: { active: f.active, archived: f.archived, byCategory, stale: f.stale, neverHelped: f.never_helped, atRisk: f.at_risk },
    applicationsOpen: a.open,
    paidThisYearFen: Number(pay.s),
    paymentsThisYear: pay.n,
    budgetThisYearFen: Number(b.total),
    budgetRemainingFen: Number(b.remaining),
  }
}

const text = (...headers: string[]): Column[] => headers.map((header) => ({ header }))
const int = (header: string): Column => ({ header, kind: 'int' })
const yuan = (header: string): Column => ({ header, kind: 'yuan' })
const MAX_ROWS = 100_000
const day = (d: Date | null) => (d ? shanghai(d).format('YYYY-MM-DD HH:mm') : '')

/** One console table for the subtree, as CSV or .xlsx; personal data stays masked. */
export async function exportTable(app: App, caller: Caller, input: ActionData<'console', 'export'>) {
  const u = await scopeRoot(app.db, caller, input.unionId)
  const like = subtreeLike(u.path)
  let columns: Column[]
  let rows: Cell[][]
  if (input.table === 'members') {
    const r = await app.db.query<{ name: string; id_masked: string; phone_masked: string; occupation: Occupation; employer: string | null; union: string; card_no: string | null; status: keyof typeof CARD_STATUS_LABELS; issued_at: Date | null }>(
      `select m.name, m.id_masked, m.phone_masked, m.occupation, m.employer, u.name as union, c.card_no, c.status, c.issued_at
       from cards c join members m on m.id = c.member_id join unions u on u.id = c.union_id where u.path like $1 and c.status <> 'transferred' order by u.name, c.card_no limit ${MAX_ROWS}`,
      [like],
    )
    columns = text('姓名', '身份证号（脱敏）', '手机号（脱敏）', '职业', '工作单位', '所属工会', '会员卡号', '状态', '发卡时间')
    rows = r.map((x) => [x.name, x.id_masked, x.phone_masked, OCCUPATION_LABELS[x.occupation], x.employer ?? '', x.union, x.card_no ?? '', CARD_STATUS_LABELS[x.status], day(x.issued_at)])
  } else if (input.table === 'stations') {
    const r = await app.db.query<{ name: string; kind: keyof typeof STATION_KIND_LABELS; district: string; address: string; union: string; visit_count: number; rating_sum: number; rating_count: number; status: string }>(
      `select s.name, s.kind, s.district, s.address, u.name as union, s.visit_count, s.rating_sum, s.rating_count, s.status
       from stations s join unions u on u.id = s.union_id where u.path like $1 order by s.visit_count desc limit ${MAX_ROWS}`,
      [like],
    )
    columns = [...text('站点名称', '类型', '区', '地址', '所属工会'), int('累计到访'), { header: '评分', kind: 'decimal1' }, int('评价数'), ...text('状态')]
    rows = r.map((x) => [x.name, STATION_KIND_LABELS[x.kind], x.district, x.address, x.union, x.visit_count, x.rating_count ? x.rating_sum / x.rating_count : null, x.rating_count, x.status === 'active' ? '开放' : '关闭'])
  } else if (input.table === 'orders') {
    const r = await app.db.query<{ order_no: string; kind: string; status: keyof typeof ORDER_STATUS_LABELS; union: string; payable_fen: number; created_at: Date; paid_at: Date | null; invoice_title: string | null }>(
      `select o.order_no, o.kind, o.status, u.name as union, o.payable_fen, o.created_at, o.paid_at, o.invoice_title
       from orders o join unions u on u.id = o.buyer_union_id where u.path like $1 order by o.created_at desc limit ${MAX_ROWS}`,
      [like],
    )
    columns = [...text('订单号', '类型', '状态', '购买工会'), yuan('金额（元）'), ...text('下单时间', '支付时间', '发票抬头')]
    rows = r.map((x) => [x.order_no, x.kind === 'bulk' ? '工会团购' : '会员购买', ORDER_STATUS_LABELS[x.status], x.union, Number(x.payable_fen), day(x.created_at), day(x.paid_at), x.invoice_title ?? ''])
  } else if (input.table === 'subsidy_files') {
    // Household by household for auditing results: figures only; no ID numbers, phones or per-member incomes.
    const r = await fileExportRows(app.db, app.sealer, like, shanghai(app.now()).year(), MAX_ROWS)
    const date = (d: Date | null) => (d ? shanghai(d).format('YYYY-MM-DD') : '')
    columns = [
      ...text('档案号', '姓名', '所在工会', '类别', '档案类型', '状态'), int('家庭人口'), yuan('人均月收入（元）'), ...text('建档/更新日期'),
      yuan('今年已帮扶（元）'), yuan('累计帮扶（元）'), ...text('最近帮扶日期', '帮扶计划', '返困风险'),
    ]
    rows = r.map((x) => [
      x.file_no, maskName(x.name), x.union, CATEGORY_LABELS[x.category], FILE_KIND_LABELS[x.kind], FILE_STATUS_LABELS[x.status], x.household_size, Number(x.per_capita_fen),
      date(x.data_as_of), Number(x.paid_year_fen), Number(x.paid_total_fen), date(x.last_paid_at), x.has_plan ? '有' : '无', x.at_risk ? x.risk_reason || '有' : '',
    ])
  } else {
    const r = await app.db.query<{ title: string; kind: keyof typeof CAMPAIGN_KIND_LABELS; status: keyof typeof CAMPAIGN_STATUS_LABELS; union: string; starts_at: Date; ends_at: Date; quota: number | null; taken: number; used: number }>(
      `select c.title, c.kind, c.status, u.name as union, c.starts_at, c.ends_at, c.quota, c.taken,
         (select count(*)::int from campaign_joins j where j.campaign_id = c.id and j.used_at is not null) as used
       from campaigns c join unions u on u.id = c.union_id where u.path like $1 order by c.starts_at desc limit ${MAX_ROWS}`,
      [like],
    )
    columns = [...text('活动', '类型', '状态', '发布工会', '开始', '结束'), int('名额'), int('参加人数'), int('已核销')]
    rows = r.map((x) => [x.title, CAMPAIGN_KIND_LABELS[x.kind], CAMPAIGN_STATUS_LABELS[x.status], x.union, day(x.starts_at), day(x.ends_at), x.quota ?? '不限', x.taken, x.used])
  }
  const names = { members: '会员', stations: '驿站', orders: '订单', campaigns: '活动', subsidy_files: '困难职工档案' }
  const format = input.format ?? 'csv'
  const file = await render([{ name: names[input.table], columns, rows }], format)
  return { filename: `${u.name ?? '全部'}-${names[input.table]}-${shanghai(app.now()).format('YYYYMMDD')}.${format}`, rows: rows.length, ...file }
}

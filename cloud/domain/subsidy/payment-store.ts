// Hardship relief money rows: budgets (drawn only by a conditional update that cannot overdraw), the
// increases waiting for a second person, and payments recorded once per request.
import type { Queryable } from '../../db'
import type { Paid } from './money-rules'

/** What a budget row and a change to it both name: the union (with its name and path), programme and year. */
interface BudgetLine {
  id: string
  union_id: string
  union_name: string
  path: string
  programme: string
  year: number
}

export interface BudgetRow extends BudgetLine {
  total_fen: number
  spent_fen: number
}
const BUDGET_SELECT = `select b.*, u.name as union_name, u.path from subsidy_budgets b join unions u on u.id = b.union_id`

/** Budgets of one year whose union (u) matches `where`: `params` holds the year as $1 and what `where` uses. */
export async function budgetsWhere(q: Queryable, where: string, params: unknown[]): Promise<BudgetRow[]> {
  return q.query<BudgetRow>(`${BUDGET_SELECT} where b.year = $1 and ${where} order by length(u.path), u.name, b.programme`, params)
}

export async function budgetOf(q: Queryable, unionId: string, programme: string, year: number, lock = false): Promise<BudgetRow | null> {
  const [b] = await q.query<BudgetRow>(`${BUDGET_SELECT} where b.union_id = $1 and b.programme = $2 and b.year = $3 ${lock ? 'for update of b' : ''}`, [unionId, programme, year])
  return b ?? null
}

/** The budget a file draws on: the nearest union up its path holding one for the programme and year that `usable` accepts. */
export async function budgetFor(q: Queryable, filePath: string, programme: string, year: number, usable: (b: BudgetRow) => boolean = () => true): Promise<BudgetRow | null> {
  const rows = await q.query<BudgetRow>(`${BUDGET_SELECT} where b.programme = $1 and b.year = $2 and $3 like u.path || '%' order by length(u.path) desc`, [programme, year, filePath])
  return rows.find(usable) ?? null
}

export async function setBudgetTotal(q: Queryable, unionId: string, programme: string, year: number, totalFen: number): Promise<void> {
  await q.query(
    `insert into subsidy_budgets (union_id, programme, year, total_fen) values ($1, $2, $3, $4)
     on conflict (union_id, programme, year) do update set total_fen = excluded.total_fen`,
    [unionId, programme, year, totalFen],
  )
}

/** Takes `amountFen` from a budget unless that would overdraw it; what is left, or null when it does not fit. */
export async function draw(q: Queryable, budgetId: string, amountFen: number): Promise<number | null> {
  const [b] = await q.query<{ remaining: number }>(
    'update subsidy_budgets set spent_fen = spent_fen + $2 where id = $1 and spent_fen + $2 <= total_fen returning (total_fen - spent_fen)::bigint as remaining',
    [budgetId, amountFen],
  )
  return b ? b.remaining : null
}

export async function remainingOf(q: Queryable, budgetId: string): Promise<number> {
  const [b] = await q.query<{ remaining: number }>('select (total_fen - spent_fen)::bigint as remaining from subsidy_budgets where id = $1', [budgetId])
  return b.remaining
}

export interface ChangeRow extends BudgetLine {
  from_fen: number
  to_fen: number
  status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn'
  requested_by: string
  /** The proposer's union path and name; null for the platform admin. */
  requester_path: string | null
  requester_name: string | null
  decided_by: string | null
  created_at: Date
}
const CHANGE_SELECT = `select c.*, u.name as union_name, u.path, ru.path as requester_path, ru.name as requester_name
  from subsidy_budget_changes c join unions u on u.id = c.union_id left join unions ru on ru.id = c.requester_union_id`

export async function insertChange(
  q: Queryable,
  c: { unionId: string; programme: string; year: number; fromFen: number; toFen: number; requestedBy: string; requesterUnionId: string | null; at: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into subsidy_budget_changes (union_id, programme, year, from_fen, to_fen, requested_by, requester_union_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [c.unionId, c.programme, c.year, c.fromFen, c.toFen, c.requestedBy, c.requesterUnionId, c.at],
  )
  return row.id
}

export async function changeById(q: Queryable, id: string, lock = false): Promise<ChangeRow | null> {
  const [c] = await q.query<ChangeRow>(`${CHANGE_SELECT} where c.id = $1 ${lock ? 'for update of c' : ''}`, [id])
  return c ?? null
}

export async function pendingChange(q: Queryable, unionId: string, programme: string, year: number): Promise<ChangeRow | null> {
  const [c] = await q.query<ChangeRow>(`${CHANGE_SELECT} where c.union_id = $1 and c.programme = $2 and c.year = $3 and c.status = 'pending'`, [unionId, programme, year])
  return c ?? null
}

/** Pending changes of one year whose budget's union (u) matches `where`: `params` as for budgetsWhere. */
export async function pendingChangesWhere(q: Queryable, where: string, params: unknown[]): Promise<ChangeRow[]> {
  return q.query<ChangeRow>(`${CHANGE_SELECT} where c.status = 'pending' and c.year = $1 and ${where}`, params)
}

export async function decideChange(q: Queryable, id: string, status: 'confirmed' | 'rejected' | 'withdrawn', by: string, at: Date): Promise<void> {
  await q.query(`update subsidy_budget_changes set status = $2, decided_by = $3, decided_at = $4 where id = $1 and status = 'pending'`, [id, status, by, at])
}

export interface NewPayment {
  fileId: string
  programme: string
  year: number
  amountFen: number
  budgetId: string
  requestId: string
  orderId?: string | null
  note?: string | null
  paidBy?: string | null
  at: Date
}

export async function insertPayment(q: Queryable, p: NewPayment): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into subsidy_payments (file_id, programme, year, amount_fen, budget_id, request_id, order_id, note, paid_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [p.fileId, p.programme, p.year, p.amountFen, p.budgetId, p.requestId, p.orderId ?? null, p.note ?? null, p.paidBy ?? null, p.at],
  )
  return row.id
}

export async function paymentByRequest(q: Queryable, fileId: string, requestId: string) {
  const [p] = await q.query<{ id: string; programme: string; amount_fen: number; budget_id: string }>(
    'select id, programme, amount_fen, budget_id from subsidy_payments where file_id = $1 and request_id = $2',
    [fileId, requestId],
  )
  return p ?? null
}

export async function paidThisYear(q: Queryable, fileId: string, programme: string, year: number): Promise<Paid> {
  const [r] = await q.query<{ n: number; s: number }>(
    `select count(*)::int as n, coalesce(sum(amount_fen), 0)::bigint as s from subsidy_payments where file_id = $1 and programme = $2 and year = $3 and status = 'paid'`,
    [fileId, programme, year],
  )
  return { count: r.n, sumFen: r.s }
}

/** This year's paid count and sum per programme for a file, in one query. */
export async function paidByProgramme(q: Queryable, fileId: string, year: number): Promise<Map<string, Paid>> {
  const rows = await q.query<{ programme: string; n: number; s: number }>(
    `select programme, count(*)::int as n, sum(amount_fen)::bigint as s from subsidy_payments where file_id = $1 and year = $2 and status = 'paid' group by programme`,
    [fileId, year],
  )
  return new Map(rows.map((r) => [r.programme, { count: r.n, sumFen: r.s }]))
}

/** A file's payments, newest first, named by `nameOf` (the policy's programme names). */
export async function paymentsOf(q: Queryable, fileId: string, nameOf: (programme: string) => string) {
  const rows = await q.query<{ id: string; programme: string; amount_fen: number; created_at: Date; status: 'paid' | 'reversed'; order_id: string | null; note: string | null }>(
    'select id, programme, amount_fen, created_at, status, order_id, note from subsidy_payments where file_id = $1 order by created_at desc, id',
    [fileId],
  )
  return rows.map((r) => ({ paymentId: r.id, programme: r.programme, name: nameOf(r.programme), amountFen: r.amount_fen, at: r.created_at.toISOString(), status: r.status, orderId: r.order_id, note: r.note }))
}

/** Marks the payments of these orders reversed, once, and gives their amounts back to the budgets. */
export async function reverseOrderPayments(q: Queryable, orderIds: string[], at: Date): Promise<number> {
  const rows = await q.query<{ budget_id: string; amount_fen: number }>(
    `update subsidy_payments set status = 'reversed', reversed_at = $2 where order_id = any($1::uuid[]) and status = 'paid' returning budget_id, amount_fen`,
    [orderIds, at],
  )
  for (const r of rows) await q.query('update subsidy_budgets set spent_fen = spent_fen - $2 where id = $1', [r.budget_id, r.amount_fen])
  return rows.length
}

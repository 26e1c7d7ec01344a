// Placing orders: members' own (createOrder) and union bulk purchases (bulkOrder).
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { uniqueViolation } from '../../db'
import { isUuid } from '../../db/sql'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import type { OrderStatus } from '../../../types/shop'
import { AppError } from '../../platform/errors'
import { scopeRoot } from '../../platform/scope'
import { actorRole, audit } from '../audit/service'
import { applyCheckoutSubsidy } from '../subsidy/checkout'
import { maskName, maskPhone } from '../../../types/mask'
import { orderByRequest } from './store'
import { memberOrderRefusal, newOrderNo, placementRefusal, type Outcome, type OutcomeDetail, type Refusal } from './rules'
import { expireDue } from './lifecycle'

type Delivery = ActionData<'shop', 'createOrder'>['delivery']

interface Placement {
  requestId: string
  kind: 'member' | 'bulk'
  items: { productId: string; qty: number }[]
  delivery: Delivery
  buyerUnionId: string | null
  memberPrice: boolean
  invoice?: { title: string; taxNo: string }
  note?: string
  reliefSubsidy?: boolean
}

interface Placed {
  outcome: Outcome
  order_id: string | null
  status: OrderStatus | null
  payable_fen: number | null
  subsidy_fen: number | null
  relief_fen: number | null
  short: OutcomeDetail['short']
  hold: OutcomeDetail['hold']
}

/** One call places the order or says why not (cloud/db/migrations/013_shop_order_holds.ts explains how). */
const PLACE = `select * from shop_place_order_v1($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`

function refuse(r: Refusal): never {
  throw new AppError(r.code, r.message, r.fields)
}

async function run(app: App, q: Queryable, caller: Caller, o: Placement, auditHere: boolean): Promise<Placed> {
  const now = app.now()
  const contact = o.delivery.type === 'address' ? { name: o.delivery.name, phone: o.delivery.phone, region: o.delivery.region, detail: o.delivery.detail } : null
  const capped = o.kind === 'member'
  const [r] = await q.query<Placed>(PLACE, [
    caller.userId,
    o.requestId,
    o.items.map((l) => l.productId),
    o.items.map((l) => l.qty),
    o.kind,
    o.buyerUnionId,
    o.memberPrice,
    o.delivery.type,
    o.delivery.type === 'pickup' ? o.delivery.stationId : null,
    contact ? app.sealer.encrypt(JSON.stringify(contact)) : null,
    contact ? JSON.stringify({ name: maskName(contact.name), phone: maskPhone(contact.phone), region: contact.region }) : null,
    o.invoice?.title ?? null,
    o.invoice?.taxNo ?? null,
    o.note ?? null,
    new Date(now.getTime() + app.policies.shop.paymentWindowMinutes * 60_000),
    now,
    newOrderNo(now),
    capped ? app.policies.shop.maxUnpaidOrdersPerMember : null,
    capped ? app.policies.shop.maxHeldUnitsPerMember : null,
    actorRole(caller),
    auditHere,
  ])
  return r
}

const result = (r: { order_id: string | null; status: OrderStatus | null; payable_fen: number | null; subsidy_fen: number | null }) => ({
  orderId: r.order_id!,
  status: r.status!,
  payableFen: r.payable_fen!,
  subsidyFen: r.subsidy_fen!,
})

/** Places the order in one statement; with the relief subsidy, in one transaction with the subsidy and then the audit. */
async function attempt(app: App, caller: Caller, o: Placement): Promise<Placed> {
  try {
    return await attemptOnce(app, caller, o)
  } catch (e) {
    // Two orders drew the same number (10 random digits a day): nothing was written, so draw again once.
    if (uniqueViolation(e) !== 'orders_order_no_key') throw e
    return attemptOnce(app, caller, o)
  }
}

async function attemptOnce(app: App, caller: Caller, o: Placement): Promise<Placed> {
  if (!o.reliefSubsidy) return run(app, app.db, caller, o, true)
  return app.db.tx(async (q) => {
    const r = await run(app, q, caller, o, false)
    if (r.outcome !== 'placed') return r
    const subsidy = await applyCheckoutSubsidy(app, q, caller.userId, r.order_id!, r.relief_fen ?? 0, r.payable_fen!)
    const [after] = await q.query<{ payable_fen: number; subsidy_fen: number }>('update orders set subsidy_fen = $2, payable_fen = payable_fen - $2 where id = $1 returning payable_fen, subsidy_fen', [r.order_id, subsidy])
    await audit(q, { actor: caller, action: 'order.create', entity: 'order', entityId: r.order_id!, unionId: o.buyerUnionId, after: { status: 'PENDING_PAYMENT', payableFen: after.payable_fen, subsidyFen: after.subsidy_fen, kind: o.kind } })
    return { ...r, ...after }
  })
}

/**
 * Places an order: all lines or none, stock never below zero, within the buyer's caps on unpaid orders.
 * The client's request id makes a retried call return the first order.
 */
async function placeOrder(app: App, caller: Caller, o: Placement) {
  if (o.items.some((i) => !isUuid(i.productId))) throw new AppError('NOT_FOUND', '商品不存在或已下架')
  if (o.delivery.type === 'pickup' && !isUuid(o.delivery.stationId)) refuse(placementRefusal('station', {}, app.policies.shop)!)
  try {
    let r = await attempt(app, caller, o)
    // Caps reached: the buyer's own orders past their deadline may not have been expired yet.
    if (r.outcome === 'held' && (await expireDue(app, caller.userId)) > 0) r = await attempt(app, caller, o)
    const refusal = placementRefusal(r.outcome, { short: r.short, hold: r.hold }, app.policies.shop)
    if (refusal) refuse(refusal)
    return result(r)
  } catch (e) {
    // The same request sent again while the first was in flight: answer with the first order.
    if (uniqueViolation(e) === 'orders_request_key') {
      const first = await orderByRequest(app.db, caller.userId, o.requestId)
      if (first) return result({ ...first, order_id: first.id })
    }
    throw e
  }
}

export async function createOrder(app: App, caller: Caller, input: ActionData<'shop', 'createOrder'>) {
  const refusal = memberOrderRefusal(app.policies.shop, input.items)
  if (refusal) refuse(refusal)
  return placeOrder(app, caller, { ...input, kind: 'member', buyerUnionId: caller.memberUnionId, memberPrice: caller.isMember })
}

export async function bulkOrder(app: App, caller: Caller, input: ActionData<'shop', 'bulkOrder'>) {
  await scopeRoot(app.db, caller, input.unionId)
  return placeOrder(app, caller, {
    requestId: input.requestId,
    kind: 'bulk',
    items: input.items,
    delivery: { type: 'address', ...input.delivery },
    buyerUnionId: input.unionId,
    memberPrice: true,
    invoice: input.invoice,
    note: input.note,
  })
}

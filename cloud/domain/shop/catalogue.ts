// The catalogue: browsing products on sale, one product's page, and staff saving their union's products.
import type { App } from '../../platform/app'
import { likeEscape } from '../../db/sql'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import type { ProductDetail } from '../../../types/shop'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { scopeRoot } from '../../platform/scope'
import { audit } from '../audit/service'
import { insertProduct, productById, toDetail, toSummary, updateProduct, type ProductRow } from './store'

export async function products(app: App, input: ActionData<'shop', 'products'>) {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const where = [`status = 'on_sale'`]
  const params: unknown[] = []
  const add = (cond: string, v: unknown) => {
    params.push(v)
    where.push(cond.replace('?', `$${params.length}`))
  }
  if (input.q) add(`(name ilike ? or county ilike $${params.length + 1} or province ilike $${params.length + 1})`, `%${likeEscape(input.q)}%`)
  if (input.category) add('category = ?', input.category)
  if (input.province) add('province = ?', input.province)
  if (input.county) add('county = ?', input.county)
  if (input.reliefOnly) where.push('relief')
  const limit = input.limit ?? 20
  const rows = await app.db.query<ProductRow>(
    `select * from products where ${where.join(' and ')} order by relief desc, created_at, id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit + 1, offset],
  )
  const origins = await app.db.query<{ province: string; county: string; count: number }>(
    `select province, county, count(*)::int as count from products where status = 'on_sale' group by province, county order by province, county`,
  )
  const page = pageOf(rows, limit, offset)
  return { items: page.rows.map(toSummary), nextCursor: page.nextCursor, origins }
}

export async function product(app: App, input: ActionData<'shop', 'product'>): Promise<ProductDetail> {
  const p = await productById(app.db, input.id)
  if (!p) throw new AppError('NOT_FOUND', '商品不存在或已下架')
  return toDetail(p)
}

/** Staff add or change a product of a union in their scope (and, when changing, the product's own union is in scope too). */
export async function saveProduct(app: App, caller: Caller, input: ActionData<'shop', 'saveProduct'>) {
  await scopeRoot(app.db, caller, input.unionId)
  const { id: given, ...fields } = input
  return app.db.tx(async (q) => {
    let id: string
    let before: unknown = null
    if (given) {
      const old = await productById(q, given)
      if (!old) throw new AppError('NOT_FOUND', '商品不存在或已下架')
      await scopeRoot(q, caller, old.union_id)
      before = { priceFen: old.price_fen, memberPriceFen: old.member_price_fen, stock: old.stock, status: old.status }
      await updateProduct(q, given, fields, app.now())
      id = given
    } else {
      id = await insertProduct(q, fields, app.now())
    }
    await audit(q, { actor: caller, action: given ? 'product.update' : 'product.create', entity: 'product', entityId: id, unionId: input.unionId, before, after: { priceFen: input.priceFen, memberPriceFen: input.memberPriceFen, stock: input.stock, status: input.status } })
    return { id }
  })
}

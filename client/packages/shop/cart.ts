// The shopping cart, kept on the phone in Taro storage. Lines hold product facts only (no personal data).
// One line per product: the API refuses an order listing a product twice.
import Taro from '@tarojs/taro'
import { MAX_LINES, MEMBER_MAX_QTY } from './labels'

export const CART_KEY = 'wu.cart'

export interface CartLine {
  productId: string
  qty: number
  name: string
  unit: string
  memberPriceFen: number
  priceFen: number
  image: string | null
  /** Union selling the product: products of different sellers are paid in separate orders. */
  sellerId: string
  /** Stock when the product was last seen, to cap the quantity (the server checks again). */
  stock: number
}

export type AddResult = { ok: true; qty: number; capped: boolean } | { ok: false; message: string }

/** Most a member may put in one line: the policy limit and the known stock. */
export const lineMax = (stock: number) => Math.max(0, Math.min(MEMBER_MAX_QTY, stock))

const isLine = (x: unknown): x is CartLine => {
  const l = x as CartLine
  return !!l && typeof l.productId === 'string' && typeof l.qty === 'number' && typeof l.name === 'string' && typeof l.memberPriceFen === 'number'
}

/** Reads the cart; anything malformed is dropped, and duplicate products are merged. */
export function loadCart(): CartLine[] {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(CART_KEY)
  } catch {
    return []
  }
  if (typeof raw === 'string' && raw) {
    try {
      raw = JSON.parse(raw)
    } catch {
      return []
    }
  }
  if (!Array.isArray(raw)) return []
  return mergeLines(
    raw.filter(isLine).map((l) => ({ ...l, priceFen: l.priceFen ?? l.memberPriceFen, image: l.image ?? null, sellerId: l.sellerId ?? '', stock: l.stock ?? MEMBER_MAX_QTY })),
  )
}

export function saveCart(lines: CartLine[]): void {
  try {
    if (lines.length) Taro.setStorageSync(CART_KEY, JSON.stringify(lines))
    else Taro.removeStorageSync(CART_KEY)
  } catch {
    /* storage full or unavailable: the cart lives for this visit only */
  }
}

/** Merges lines of the same product into one (first position kept, quantities added, capped). */
export function mergeLines(lines: CartLine[]): CartLine[] {
  const out: CartLine[] = []
  for (const l of lines) {
    const q = Math.floor(l.qty)
    if (!(q >= 1)) continue
    const seen = out.find((x) => x.productId === l.productId)
    if (seen) {
      Object.assign(seen, { ...l, qty: Math.min(seen.qty + q, lineMax(l.stock)) })
    } else out.push({ ...l, qty: Math.min(q, lineMax(l.stock)) })
  }
  return out.filter((l) => l.qty >= 1)
}

/** Adds qty of a product (merging with its line). The quantity is capped by stock and the member limit. */
export function addToCart(product: Omit<CartLine, 'qty'>, qty: number): AddResult {
  if (!Number.isInteger(qty) || qty < 1) return { ok: false, message: '数量至少为1' }
  const max = lineMax(product.stock)
  if (max < 1) return { ok: false, message: '该商品已售罄' }
  const lines = loadCart()
  const i = lines.findIndex((l) => l.productId === product.productId)
  if (i < 0 && lines.length >= MAX_LINES) return { ok: false, message: `购物车最多放 ${MAX_LINES} 种商品，请先结算` }
  const before = i >= 0 ? lines[i].qty : 0
  const want = before + qty
  const next = Math.min(want, max)
  if (i >= 0 && before >= max) return { ok: false, message: `每种商品最多购买 ${max} 件，购物车里已有 ${before} 件` }
  const line: CartLine = { ...product, qty: next }
  if (i >= 0) lines[i] = line
  else lines.push(line)
  saveCart(lines)
  return { ok: true, qty: next, capped: next < want }
}

/** Sets a line's quantity within 1..max; returns the new cart. */
export function setQty(productId: string, qty: number): CartLine[] {
  const lines = loadCart().map((l) => (l.productId === productId ? { ...l, qty: Math.max(1, Math.min(Math.floor(qty) || 1, lineMax(l.stock))) } : l))
  saveCart(lines)
  return lines
}

export function removeLines(productIds: string[]): CartLine[] {
  const lines = loadCart().filter((l) => !productIds.includes(l.productId))
  saveCart(lines)
  return lines
}

export const cartCount = (lines: CartLine[]) => lines.reduce((s, l) => s + l.qty, 0)

/** Total in fen at member price (members) or list price (others). */
export const cartTotal = (lines: CartLine[], member = true) => lines.reduce((s, l) => s + (member ? l.memberPriceFen : l.priceFen) * l.qty, 0)

/** Lines grouped by selling union, in cart order: each group is paid as one order. */
export function bySeller(lines: CartLine[]): CartLine[][] {
  const groups = new Map<string, CartLine[]>()
  for (const l of lines) groups.set(l.sellerId, [...(groups.get(l.sellerId) ?? []), l])
  return [...groups.values()]
}

// "立即购买": one line kept apart from the cart, so buying now neither changes nor empties the cart.
export const BUY_NOW_KEY = 'wu.cart.buynow'

export function setBuyNow(line: CartLine | null): void {
  try {
    if (line) Taro.setStorageSync(BUY_NOW_KEY, JSON.stringify([line]))
    else Taro.removeStorageSync(BUY_NOW_KEY)
  } catch {
    /* ignore */
  }
}

export function getBuyNow(): CartLine[] {
  try {
    const raw = Taro.getStorageSync(BUY_NOW_KEY)
    const v = typeof raw === 'string' && raw ? JSON.parse(raw) : raw
    return Array.isArray(v) ? mergeLines(v.filter(isLine)) : []
  } catch {
    return []
  }
}

// What the app already knows about the member, for prefilling forms they then check and submit themselves:
// the address this phone remembered (opt-in, 记住地址), the last delivery address on their orders, and their
// card's name. Phones come back masked from the server (138****2222), so a full phone only ever comes from
// this phone's own memory; a masked one is only a hint.
import Taro from '@tarojs/taro'
import { api } from './api'

/** Where the shop keeps the address the member asked it to remember (only on this phone). */
export const REMEMBERED_ADDRESS_KEY = 'wu.shop.address'

export interface Contact {
  name: string
  /** A full phone: only from this phone's memory. */
  phone: string
  region: string
  detail: string
}

export interface KnownContact extends Partial<Contact> {
  /** e.g. 138****2222, to remind the member which number they used. */
  phoneMasked?: string
  /** Where it came from: 'device' (remembered here), 'order' (last delivery), 'card'. */
  source: 'device' | 'order' | 'card' | null
}

export function rememberedAddress(): Contact | null {
  try {
    const raw = Taro.getStorageSync(REMEMBERED_ADDRESS_KEY)
    const v = typeof raw === 'string' && raw ? JSON.parse(raw) : raw
    if (v && typeof v === 'object' && typeof v.name === 'string') return { name: v.name, phone: v.phone ?? '', region: v.region ?? '', detail: v.detail ?? '' }
  } catch {
    /* nothing remembered */
  }
  return null
}

/** The delivery address of the member's latest own order sent to an address (three orders looked at, at most). */
async function lastDelivery(): Promise<(Omit<Contact, 'phone'> & { phoneMasked: string }) | null> {
  const { items } = await api.shop.myOrders({ limit: 5 })
  for (const o of items.filter((x) => x.kind === 'member').slice(0, 3)) {
    const d = (await api.shop.order({ orderId: o.orderId })).delivery
    if (d.type === 'address' && d.region && d.detail) return { name: d.name, region: d.region, detail: d.detail, phoneMasked: d.phone }
  }
  return null
}

/** The card's name and masked phone, or null without a card. */
async function cardContact(): Promise<{ name: string; phoneMasked: string } | null> {
  try {
    const c = await api.member.myCard({})
    return { name: c.name, phoneMasked: c.phoneMasked }
  } catch {
    return null
  }
}

/**
 * The best address the app knows for a delivery form: this phone's remembered one, else the last order's
 * (with the card's name when the order had none). Never throws: nothing known is { source: null }.
 */
export async function knownAddress(): Promise<KnownContact> {
  const saved = rememberedAddress()
  if (saved) return { ...saved, source: 'device' }
  const [order, card] = await Promise.all([lastDelivery().catch(() => null), cardContact()])
  if (order) return { ...order, name: order.name || card?.name, source: 'order' }
  if (card) return { name: card.name, phoneMasked: card.phoneMasked, source: 'card' }
  return { source: null }
}

/** A phone for a contact field: the full one this phone remembered, else the card's masked one as a hint. */
export async function knownPhone(): Promise<{ phone?: string; phoneMasked?: string }> {
  const saved = rememberedAddress()
  if (saved?.phone) return { phone: saved.phone }
  const card = await cardContact()
  return card ? { phoneMasked: card.phoneMasked } : {}
}

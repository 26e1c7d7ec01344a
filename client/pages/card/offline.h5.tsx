// The e-card offline (H5): the last card the member saw, kept with a batch of short-lived signed codes
// (member.offlineCodes) so a station keeper can still verify it when the member has no signal. Kept:
// only what the card page shows (masked ID and phone) and the codes; bound to the session that fetched them.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Btn } from '../../components/ui/button'
import { api, getToken } from '../../services/api'
import { OFFLINE_CARD_KEY, sessionFingerprint } from '../../services/private-storage.h5'
import { formatClock } from '../../components/station/format'
import type { CardView, OfflineCodes } from '../../../types/member'
import type { PageQuery } from '../../hooks/page-query'
import type { KeptCard } from './offline'

export type { KeptCard } from './offline'

type Shown = Pick<CardView, 'unionName' | 'status' | 'cardNo' | 'issuedAt' | 'name' | 'idNumberMasked' | 'phoneMasked' | 'occupation' | 'employer'>

interface Stored {
  owner: string
  savedAt: number
  card: Shown
  codes: OfflineCodes['codes']
  /** Server clock minus phone clock when the codes came, ms. */
  offsetMs: number
}

/** Fetch a new batch once less than this share of the current one is left. */
const REFILL_BELOW = 0.5

function stored(): Stored | null {
  try {
    const v = Taro.getStorageSync(OFFLINE_CARD_KEY) as Stored | ''
    return v && typeof v === 'object' && v.owner === sessionFingerprint(getToken()) && Array.isArray(v.codes) ? v : null
  } catch {
    return null
  }
}

function write(v: Stored): void {
  try {
    Taro.setStorageSync(OFFLINE_CARD_KEY, v)
  } catch {
    /* storage full: the card still shows online */
  }
}

const shown = (c: CardView): Shown => ({
  unionName: c.unionName,
  status: c.status,
  cardNo: c.cardNo,
  issuedAt: c.issuedAt,
  name: c.name,
  idNumberMasked: c.idNumberMasked,
  phoneMasked: c.phoneMasked,
  occupation: c.occupation,
  employer: c.employer,
})

function needsCodes(s: Stored, now: number): boolean {
  if (!s.codes.length) return true
  const first = Date.parse(s.codes[0].validFrom)
  const last = Date.parse(s.codes[s.codes.length - 1].validUntil)
  return last - (now + s.offsetMs) < (last - first) * REFILL_BELOW
}

let fetching = false
async function refill(): Promise<void> {
  if (fetching) return
  fetching = true
  try {
    const r = await api.member.offlineCodes({})
    const s = stored()
    if (s) write({ ...s, codes: r.codes, offsetMs: Date.parse(r.serverTime) - Date.now() })
  } catch {
    /* offline or refused: keep what we have */
  } finally {
    fetching = false
  }
}

/** Keeps the card just read; an active card also gets a fresh batch of codes when the kept one runs low. */
export function keepCard(c: CardView, now = Date.now()): void {
  const owner = sessionFingerprint(getToken())
  if (!owner) return
  const prev = stored()
  const same = prev && prev.card.cardNo === c.cardNo && c.status === 'active'
  const next: Stored = { owner, savedAt: now, card: shown(c), codes: same ? prev.codes : [], offsetMs: same ? prev.offsetMs : 0 }
  write(next)
  if (c.status === 'active' && c.cardNo && needsCodes(next, now)) void refill()
}

/** The kept card for this moment: the code whose window holds the (server-corrected) time, if any. */
export function keptCard(now = Date.now(), updating = false): KeptCard | null {
  const s = stored()
  if (!s) return null
  const t = now + s.offsetMs
  const codes = s.card.status === 'active' ? s.codes : []
  const i = codes.map((c) => Date.parse(c.validFrom) <= t && t < Date.parse(c.validUntil)).lastIndexOf(true)
  const code = i >= 0 ? codes[i] : null
  const last = codes[codes.length - 1]
  const card: CardView = { ...s.card, memberId: '', cardId: '', unionId: '', rejectReason: null, qr: code?.qr ?? null, qrExpiresAt: null, pendingTransfer: null, notices: [] }
  return {
    card,
    savedAt: s.savedAt,
    codeUntil: code ? Date.parse(code.validUntil) - s.offsetMs : null,
    batchUntil: last ? Date.parse(last.validUntil) - s.offsetMs : null,
    // The next code takes over at its start.
    switchAt: code && codes[i + 1] ? Date.parse(codes[i + 1].validFrom) - s.offsetMs : null,
    updating,
  }
}

const NOT_KEPT = new Set(['NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'])

/** The kept card while the page has no card of its own (loading, offline, server unreachable), else null. */
export function useKeptCard(q: PageQuery<CardView>): KeptCard | null {
  const [, setTick] = useState(0)
  const code = q.error?.code ?? null
  useEffect(() => {
    if (q.data) keepCard(q.data)
  }, [q.data])
  useEffect(() => {
    if (code === 'NOT_FOUND' || code === 'UNAUTHENTICATED') Taro.removeStorageSync(OFFLINE_CARD_KEY)
  }, [code])
  const usable = !q.data && !(code && NOT_KEPT.has(code)) && (q.loading || q.signedOut || !!q.error)
  const kept = usable ? keptCard(Date.now(), q.loading) : null
  // Shows the next code when the current one hands over.
  const switchAt = kept?.switchAt
  useEffect(() => {
    if (!switchAt) return
    const t = setTimeout(() => setTick((n) => n + 1), Math.max(1000, switchAt - Date.now()))
    return () => clearTimeout(t)
  }, [switchAt])
  return kept
}

export function KeptNotice({ kept }: { kept: KeptCard }) {
  return (
    <Text className='card-notice card-stale card-offline'>
      {kept.updating ? `正在更新会员卡，先显示 ${formatClock(kept.savedAt)} 保存的信息` : `离线数据，更新于 ${formatClock(kept.savedAt)}`}
    </Text>
  )
}

/** How long the shown code and the batch are valid, and how to get new ones. */
export function KeptQrHint({ kept, onRefresh }: { kept: KeptCard; onRefresh: () => void }) {
  if (kept.card.status !== 'active') return null
  if (kept.card.qr && kept.codeUntil)
    return (
      <View className='qr-offline'>
        <Text className='qr-hint qr-offline-validity'>离线二维码，有效至 {formatClock(kept.codeUntil)}，到时自动换下一个</Text>
        {kept.batchUntil ? <Text className='qr-hint qr-offline-batch'>离线可核验至 {formatClock(kept.batchUntil)}；联网后打开本页或点「刷新二维码」即可更新</Text> : null}
      </View>
    )
  return (
    <View className='qr-box qr-offline'>
      <Text className='qr-hint qr-main-hint'>离线二维码已用完</Text>
      <Text className='qr-hint qr-offline-batch'>{kept.batchUntil ? `离线码已于 ${formatClock(kept.batchUntil)} 到期，` : ''}请连上网络后刷新，再出示给工作人员</Text>
      <Btn kind='secondary' size='md' className='card-secondary qr-refresh' onClick={onRefresh}>
        刷新二维码
      </Btn>
    </View>
  )
}

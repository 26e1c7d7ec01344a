// The card shown offline is H5 only (offline.h5.tsx). On the mini-program nothing is kept: these are inert.
import type { CardView } from '../../../types/member'
import type { PageQuery } from '../../hooks/page-query'

export interface KeptCard {
  /** The card as last seen, with the offline code for this moment as its QR (null once the batch is used up). */
  card: CardView
  savedAt: number
  /** When the shown code stops being valid, and when the whole batch does (phone clock, ms). */
  codeUntil: number | null
  batchUntil: number | null
  /** When the next code takes over (phone clock, ms). */
  switchAt: number | null
  /** The page is still trying the network (the kept card shows meanwhile). */
  updating: boolean
}

export const useKeptCard = (_q: PageQuery<CardView>): KeptCard | null => null
export const KeptNotice = (_p: { kept: KeptCard }) => null
export const KeptQrHint = (_p: { kept: KeptCard; onRefresh: () => void }) => null

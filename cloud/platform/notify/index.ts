// The notifier NOTIFY_PROVIDER names, with its template ids; the simulated one makes up ids where none are configured.
import type { AppConfig } from '../config'
import type { Queryable } from '../../db'
import type { WxApi } from '../wechat-api'
import { NOTIFY_KINDS, type NotifyKind } from '../../../types/notify'
import type { NotifyProvider } from './provider'
import { simulatedNotify } from './simulated'
import { wechatNotify } from './wechat'

export type { NotifyProvider, SubscribeMessage } from './provider'

export interface Notifier {
  provider: NotifyProvider
  /** Template id per kind; a kind without one is listed in the app only. */
  templates: Partial<Record<NotifyKind, string>>
}

export function createNotifier(config: AppConfig, db: Queryable, api: WxApi): Notifier {
  if (config.notify.provider === 'wechat') return { provider: wechatNotify(api), templates: config.notify.templates }
  const templates = Object.fromEntries(NOTIFY_KINDS.map((k) => [k, config.notify.templates[k] ?? `SIM_${k.toUpperCase()}`]))
  return { provider: simulatedNotify(db), templates }
}

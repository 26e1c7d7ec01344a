// Subscription messages (weapp): after a member submits something, ask once whether to be told the
// outcome; each "allow" WeChat reports is recorded on the server (notify.optIn) as one message it may send.
// requestSubscribeMessage needs a tap, so it runs from the confirm button of the question asked here.
import Taro from '@tarojs/taro'
import { api } from './api'
import type { NotifyKind } from '../../types/notify-labels'

let templates: Promise<{ kind: NotifyKind; templateId: string }[]> | null = null

const templateIds = () => (templates ??= api.notify.templates({}).then((r) => r.templates).catch(() => ((templates = null), [])))

/** Fetch the template ids early (on page load), so the question can be asked at once after a submit. */
export const preloadTemplates = () => void (process.env.TARO_ENV === 'weapp' && templateIds())

export async function askToNotify(kinds: NotifyKind[], content: string): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const ids = (await templateIds()).filter((t) => kinds.includes(t.kind))
  if (!ids.length) return
  const answer = await Taro.showModal({ title: '接收结果通知', content, confirmText: '接收', cancelText: '不用了' }).catch(() => null)
  if (!answer?.confirm) return
  const r = (await Taro.requestSubscribeMessage({ tmplIds: ids.map((i) => i.templateId), entityIds: [] } as never).catch(() => null)) as Record<string, string> | null
  const accepted = ids.filter((i) => r?.[i.templateId] === 'accept').map((i) => i.kind)
  if (accepted.length) await api.notify.optIn({ accepted }).catch(() => undefined)
}

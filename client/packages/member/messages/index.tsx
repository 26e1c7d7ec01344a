// 我的消息: everything the union told the member (card decisions, hardship progress, orders, refunds,
// campaigns), whether or not it also came as a WeChat notification. Opening one marks it read.
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { usePagedList } from '../../../hooks/paged-list'
import { Empty, ErrorBlock, Loading, LoadMore } from '../../../components/states'
import { NOTIFY_KIND_LABELS } from '../../../../types/notify-labels'
import type { MessageView } from '../../../../types/notify'
import '../member.css'
import './index.css'
import { Screen } from '../../../components/ui/screen'
import { a11y, keyActivate } from '../../../components/ui/a11y'

const when = (iso: string) => {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`
}

export default function Messages() {
  const list = usePagedList((cursor?: string) => api.notify.mine({ limit: 20, cursor }), (m: MessageView) => m.id, { login: 'required' })
  const { items, error } = list

  const open = (m: MessageView) => {
    if (!m.read) void api.notify.read({ ids: [m.id] }).catch(() => undefined)
    if (m.page) Taro.navigateTo({ url: m.page }).catch(() => undefined)
  }

  if (error && !items?.length)
    return (
      <Screen className='wu-page messages-page'>
        <ErrorBlock message={error.message} onRetry={() => void list.reload()} />
      </Screen>
    )
  if (!items)
    return (
      <Screen className='wu-page messages-page'>
        <Loading />
      </Screen>
    )
  if (!items.length)
    return (
      <Screen className='wu-page messages-page'>
        <Empty text='还没有消息。审核结果、帮扶进度、发货和工会活动都会在这里告诉您。' />
      </Screen>
    )
  return (
    <Screen className='wu-page messages-page'>
      {items.map((m) => (
        <View key={m.id} className={`wu-card message ${m.read ? 'message-read' : 'message-unread'}`} onClick={() => open(m)} {...a11y({ role: 'button', label: `${m.read ? '' : '未读，'}${NOTIFY_KIND_LABELS[m.kind]}，${when(m.at)}，${m.title}，${m.body}`, focusable: true })} {...keyActivate()}>
          <Text className='message-kind'>
            {m.read ? '' : '● '}
            {NOTIFY_KIND_LABELS[m.kind]} · {when(m.at)}
          </Text>
          <Text className='message-title'>{m.title}</Text>
          <Text className='message-body'>{m.body}</Text>
        </View>
      ))}
      <LoadMore list={list} />
    </Screen>
  )
}

// 站点管理: the stations in the staff member's scope, searched and paged on the server (station.list),
// with 新增站点, and 编辑 / 关闭 / 重新开放 on each.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { StationListItem } from '../../../../types/station'
import { STATION_SEARCH } from '../../../../types/station-fields'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { usePagedList } from '../../../hooks/paged-list'
import { useBusy } from '../../../hooks/busy'
import { Empty, ErrorBlock, Loading, LoadMore } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Tabs } from '../../../components/ui/choice'
import { inputA11y } from '../../../components/ui/field'
import { StationRow } from './station-row'

const PAGE = 20
type Status = 'active' | 'closed' | 'all'
const STATUS_TABS: { key: Status; label: string }[] = [
  { key: 'active', label: '开放中' },
  { key: 'closed', label: '已关闭' },
  { key: 'all', label: '全部' },
]

export function StationList({ onEdit, onAdd }: { onEdit: (id: string) => void; onAdd: () => void }) {
  const [status, setStatus] = useState<Status>('active')
  const [q, setQ] = useState('')
  const [query, setQuery] = useState('')
  const list = usePagedList((cursor?: string) => api.station.list({ status, limit: PAGE, cursor, ...(query ? { q: query } : {}) }), (s: StationListItem) => s.id, { login: 'token', deps: [status, query] })
  const { busy, run } = useBusy()
  const { items, error } = list
  const problem = list.signedOut ? '请先登录' : error?.message

  const search = () => {
    const text = q.trim().slice(0, STATION_SEARCH.max![0])
    if (text === query) void list.reload()
    else setQuery(text)
  }
  const clear = () => {
    setQ('')
    setQuery('')
  }

  const close = async (id: string, reason: string) => {
    let done = false
    await run(`close-${id}`, async () => {
      try {
        await api.station.close({ id, reason })
        done = true
        Taro.showToast({ title: '站点已关闭', icon: 'success' })
        await list.reload()
      } catch (e) {
        Taro.showModal({ title: '关闭失败', content: errorText(e), showCancel: false })
      }
    })
    return done
  }
  const reopen = (item: StationListItem) =>
    run(`reopen-${item.id}`, async () => {
      const c = await Taro.showModal({ title: '重新开放站点', content: `“${item.name}”将重新出现在会员的驿站地图中。`, confirmText: '重新开放' })
      if (!c.confirm) return
      try {
        await api.station.reopen({ id: item.id })
        Taro.showToast({ title: '站点已重新开放', icon: 'success' })
        await list.reload()
      } catch (e) {
        Taro.showModal({ title: '操作失败', content: errorText(e), showCancel: false })
      }
    })

  if (error?.code === 'FORBIDDEN') return <Forbidden />

  return (
    <View className='station-admin'>
      <Btn className='admin-add' onClick={onAdd}>
        ＋ 新增站点
      </Btn>
      <View className='admin-search'>
        <Input className='wu-input admin-search-input' value={q} maxlength={STATION_SEARCH.max![0]} placeholder='按名称、地址或区查找' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={search} {...inputA11y('按名称、地址或区查找站点')} />
        <Btn size='sm' className='admin-search-go' onClick={search}>
          查找
        </Btn>
      </View>
      <Tabs className='admin-status' tabClass='admin-status-tab' label='站点状态' value={status} onChange={setStatus} tabs={STATUS_TABS.map((t) => ({ ...t, className: `status-${t.key}` }))} />
      {query ? (
        <LinkButton className='admin-clear' label={`清除查找“${query}”`} onClick={clear}>
          “{query}”的查找结果 · 清除
        </LinkButton>
      ) : null}
      {list.first ? <Text className='manage-meta admin-total'>{`共 ${list.first.total} 个站点`}</Text> : null}
      {problem ? (
        <ErrorBlock message={problem} onRetry={list.reload} />
      ) : !items ? (
        <Loading text='正在加载站点…' />
      ) : items.length === 0 ? (
        <Empty text={query ? '没有找到符合条件的站点' : '暂无站点'} />
      ) : (
        <View className='admin-list'>
          {items.map((s) => (
            <StationRow key={s.id} item={s} busy={busy} onEdit={onEdit} onClose={close} onReopen={(it) => void reopen(it)} />
          ))}
          <LoadMore list={list} end={`已显示全部 ${items.length} 个`} />
        </View>
      )}
    </View>
  )
}

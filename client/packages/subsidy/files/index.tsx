// 困难职工档案 (staff): every hardship file in the caller's unions, also the monitoring list: files not
// updated for a year, files never helped, and households at risk of falling back (返困风险).
import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import { api } from '../../../services/api'
import { ensureLogin } from '../../../services/session'
import type { ActionOutput } from '../../../../types/contract'
import { CATEGORY_LABELS, FILE_FILTERS, FILE_FILTER_LABELS, FILE_KIND_LABELS, FILE_STATUS_LABELS, yuan, type FileFilter } from '../../../../types/subsidy-labels'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { dateText, errorText, isForbidden } from '../shared'
import '../subsidy.css'

type Out = ActionOutput<'subsidy', 'files'>
type Row = Out['items'][number]
const PAGE = 20

export default function SubsidyFiles() {
  // The console links straight to a monitoring list: ?filter=stale|never_helped|at_risk.
  const { params } = useRouter()
  const [filter, setFilter] = useState<FileFilter>(() => (FILE_FILTERS as readonly string[]).includes(params.filter ?? '') ? (params.filter as FileFilter) : 'all')
  const [q, setQ] = useState('')
  const [query, setQuery] = useState('')
  const [items, setItems] = useState<Row[] | null>(null)
  const [counts, setCounts] = useState<Record<string, number>>({})
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<{ message: string; forbidden: boolean } | null>(null)
  const [more, setMore] = useState(false)

  const load = async (f: FileFilter = filter, text: string = query) => {
    try {
      if (!(await ensureLogin())) return
      const r = await api.subsidy.files({ filter: f, limit: PAGE, ...(text ? { q: text } : {}) })
      setError(null)
      setItems(r.items)
      setCounts(r.counts)
      setCursor(r.nextCursor)
    } catch (e) {
      setError({ message: errorText(e), forbidden: isForbidden(e) })
    } finally {
      Taro.stopPullDownRefresh()
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  const pick = (f: FileFilter) => {
    if (f === filter) return
    setFilter(f)
    setItems(null)
    void load(f)
  }
  const search = () => {
    const text = q.trim().slice(0, 20)
    setQuery(text)
    setItems(null)
    void load(filter, text)
  }
  const clear = () => {
    setQ('')
    setQuery('')
    setItems(null)
    void load(filter, '')
  }
  const loadMore = async () => {
    if (!cursor || more) return
    setMore(true)
    try {
      const r = await api.subsidy.files({ filter, limit: PAGE, cursor, ...(query ? { q: query } : {}) })
      setItems((list) => [...(list ?? []), ...r.items.filter((x) => !(list ?? []).some((y) => y.fileId === x.fileId))])
      setCursor(r.nextCursor)
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' })
    } finally {
      setMore(false)
    }
  }

  if (error?.forbidden)
    return (
      <View className='sb-page'>
        <View className='sb-card sb-forbidden forbidden'>
          <Text className='sb-result-title'>仅限工会工作人员使用</Text>
          <Text className='sb-hint'>您的账号没有查看困难职工档案的权限。</Text>
        </View>
      </View>
    )

  return (
    <View className='sb-page subsidy-files'>
      <View className='sb-row sb-toolbar'>
        <Text className='sb-link link-budget' onClick={() => Taro.navigateTo({ url: '/packages/subsidy/budget/index' })}>
          资金预算 ›
        </Text>
      </View>
      <View className='sb-tabs sb-tabs-wrap'>
        {FILE_FILTERS.map((f) => (
          <Text key={f} className={`sb-tab filter-${f} ${filter === f ? 'sb-tab-on' : ''}`} onClick={() => pick(f)}>
            {/* One string: Taro H5 can misplace a text node that appears after the first render. */}
            {counts[f] !== undefined ? `${FILE_FILTER_LABELS[f]} ${counts[f]}` : FILE_FILTER_LABELS[f]}
          </Text>
        ))}
      </View>
      <View className='sb-search'>
        <Input className='sb-input sb-search-input files-search' value={q} maxlength={20} placeholder='按姓名或档案号查找' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={search} />
        <Button className='sb-search-button files-search-go' onClick={search}>
          查找
        </Button>
      </View>
      {query ? (
        <Text className='sb-link' onClick={clear}>
          “{query}”的查找结果 · 清除
        </Text>
      ) : null}
      {error ? (
        <ErrorBlock message={error.message} onRetry={() => load()} />
      ) : !items ? (
        <Loading text='正在加载档案…' />
      ) : items.length === 0 ? (
        <Empty text={query ? '没有找到符合条件的档案' : `暂无“${FILE_FILTER_LABELS[filter]}”的档案`} />
      ) : (
        <View className='sb-list'>
          {items.map((f) => (
            <View key={f.fileId} className={`sb-card file-row file-${f.status}`} onClick={() => Taro.navigateTo({ url: `/packages/subsidy/file/index?fileId=${encodeURIComponent(f.fileId)}` })} role='button'>
              <View className='sb-row'>
                <Text className='sb-name name'>{f.memberName}</Text>
                <Text className={`sb-tag category-${f.category}`}>{CATEGORY_LABELS[f.category]}</Text>
              </View>
              <Text className='sb-meta'>
                {f.fileNo} · {FILE_KIND_LABELS[f.kind]} · {FILE_STATUS_LABELS[f.status]}
              </Text>
              <Text className='sb-meta'>{f.unionName}</Text>
              <Text className='sb-line'>
                人均月收入 ¥{yuan(f.perCapitaFen)} · 累计帮扶 ¥{yuan(f.paidTotalFen)}
              </Text>
              <Text className='sb-meta'>
                信息更新于 {dateText(f.dataAsOf)}
                {f.lastPaidAt ? ` · 最近发放 ${dateText(f.lastPaidAt)}` : ''}
              </Text>
              <View className='sb-badges'>
                {f.stale ? <Text className='sb-badge badge-stale'>一年未更新</Text> : null}
                {f.atRisk ? <Text className='sb-badge sb-badge-risk badge-risk'>返困风险{f.riskReason ? `：${f.riskReason}` : ''}</Text> : null}
                {f.status === 'active' && f.paidTotalFen === 0 ? <Text className='sb-badge badge-never'>未帮扶</Text> : null}
                {f.status === 'active' && !f.hasPlan ? <Text className='sb-badge sb-badge-soft badge-noplan'>未制定帮扶计划</Text> : null}
              </View>
            </View>
          ))}
          {cursor ? (
            <Button className='sb-secondary load-more' disabled={more || undefined} loading={more || undefined} onClick={loadMore}>
              加载更多
            </Button>
          ) : (
            <Text className='sb-hint sb-end'>已显示全部 {items.length} 份</Text>
          )}
        </View>
      )}
    </View>
  )
}

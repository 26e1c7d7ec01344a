// 困难职工档案 (staff): every hardship file in the caller's unions, also the monitoring list: files not
// updated for a year, files never helped, and households at risk of falling back (返困风险).
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import { CATEGORY_LABELS, FILE_FILTERS, FILE_FILTER_LABELS, FILE_KIND_LABELS, FILE_STATUS_LABELS, yuan, type FileFilter } from '../../../../types/subsidy-labels'
import { usePagedList } from '../../../hooks/paged-list'
import { Empty, ErrorBlock, Loading, LoadMore } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { dateText } from '../shared'
import '../subsidy.css'
import { Screen } from '../../../components/ui/screen'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Tabs } from '../../../components/ui/choice'
import { inputA11y } from '../../../components/ui/field'
import { a11y, keyActivate } from '../../../components/ui/a11y'

const PAGE = 20

export default function SubsidyFiles() {
  // The console links straight to a monitoring list: ?filter=stale|never_helped|at_risk.
  const { params } = useRouter()
  const [filter, setFilter] = useState<FileFilter>(() => (FILE_FILTERS as readonly string[]).includes(params.filter ?? '') ? (params.filter as FileFilter) : 'all')
  const [q, setQ] = useState('')
  const [query, setQuery] = useState('')
  const list = usePagedList((cursor?: string) => api.subsidy.files({ filter, limit: PAGE, cursor, ...(query ? { q: query } : {}) }), (f) => f.fileId, { login: 'required', deps: [filter, query] })
  const { items, error } = list
  const counts = list.first?.counts ?? {}

  const pick = (f: FileFilter) => setFilter(f)
  const search = () => {
    const text = q.trim().slice(0, 20)
    if (text === query) void list.reload()
    else setQuery(text)
  }
  const clear = () => {
    setQ('')
    setQuery('')
  }

  if (error?.code === 'FORBIDDEN')
    return (
      <Screen className='wu-page sb-page'>
        <Forbidden hint='您的账号没有查看困难职工档案的权限。' />
      </Screen>
    )

  return (
    <Screen className='wu-page sb-page subsidy-files'>
      <View className='sb-row sb-toolbar'>
        <LinkButton className='sb-link link-budget' onClick={() => Taro.navigateTo({ url: url('subsidy/budget') })}>
          资金预算 ›
        </LinkButton>
      </View>
      {/* Each label one string: Taro H5 can misplace a text node that appears after the first render. */}
      <Tabs
        className='sb-tabs sb-tabs-wrap'
        tabClass='sb-tab'
        onClass='sb-tab-on'
        label='档案筛选'
        value={filter}
        onChange={pick}
        tabs={FILE_FILTERS.map((f) => ({ key: f, className: `filter-${f}`, label: counts[f] !== undefined ? `${FILE_FILTER_LABELS[f]} ${counts[f]}` : FILE_FILTER_LABELS[f] }))}
      />
      <View className='sb-search'>
        <Input className='wu-input sb-input sb-search-input files-search' value={q} maxlength={20} placeholder='按姓名或档案号查找' confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={search} {...inputA11y('按姓名或档案号查找')} />
        <Btn size='sm' className='sb-search-button files-search-go' onClick={search}>
          查找
        </Btn>
      </View>
      {query ? (
        <LinkButton className='sb-link' label={`清除查找“${query}”`} onClick={clear}>
          “{query}”的查找结果 · 清除
        </LinkButton>
      ) : null}
      {error ? (
        <ErrorBlock message={error.message} onRetry={list.reload} />
      ) : !items ? (
        <Loading text='正在加载档案…' />
      ) : items.length === 0 ? (
        <Empty text={query ? '没有找到符合条件的档案' : `暂无“${FILE_FILTER_LABELS[filter]}”的档案`} />
      ) : (
        <View className='sb-list'>
          {items.map((f) => (
            <View key={f.fileId} className={`wu-card file-row file-${f.status}`} onClick={() => Taro.navigateTo({ url: url('subsidy/file', { fileId: f.fileId }) })} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
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
          <LoadMore list={list} end={`已显示全部 ${items.length} 份`} />
        </View>
      )}
    </Screen>
  )
}

// The staff console: what is happening across the staff member's union subtree, at a glance.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { STAFF_ONLY } from '../../../services/errors'
import { url, type PageName } from '../../../services/routes'
import { OCCUPATION_TEXT } from '../../../services/labels'
import { formatYuan } from '../../../../types/money'
import { CATEGORY_LABELS } from '../../../../types/subsidy-labels'
import { usePageQuery } from '../../../hooks/page-query'
import { LinkButton } from '../../../components/ui/button'
import { Chip } from '../../../components/ui/choice'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import { ErrorBlock, Loading } from '../../../components/states'
import './index.css'
import { Screen } from '../../../components/ui/screen'
import { ConsoleExports } from './exports'

const LINKS: [string, PageName][] = [
  ['会员审核', 'admin/review'],
  ['扫码验卡', 'admin/verify'],
  ['活动管理', 'campaign/manage'],
  ['核销领取码', 'campaign/verify'],
  ['驿站管理与统计', 'stations/manage'],
  ['采购台账', 'shop/ledger'],
  ['工会团购', 'shop/bulk'],
]

const open = (to: string) => Taro.navigateTo({ url: to })
const openFiles = (filter: string) => open(url('subsidy/files', { filter }))

function Bars({ rows }: { rows: { label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  return (
    <View>
      {rows.map((r) => (
        <View key={r.label} className='bar-row'>
          <Text className='bar-label'>{r.label}</Text>
          <View className='bar-track'>
            <View className='bar-fill' style={{ width: `${(100 * r.value) / max}%` }} />
          </View>
          <Text className='bar-value'>{r.value}</Text>
        </View>
      ))}
    </View>
  )
}

export default function Console() {
  const [days, setDays] = useState(30)
  // A new period keeps the figures shown until its own arrive.
  const page = usePageQuery(() => api.console.dashboard({ days }), { login: 'token', forbidden: STAFF_ONLY, deps: [days], keep: true })
  const d = page.data

  if (page.error)
    return (
      <Screen className='wu-page console staff-console'>
        <ErrorBlock message={page.error.message} onRetry={page.reload} />
      </Screen>
    )
  if (!d)
    return (
      <Screen className='wu-page console staff-console'>
        <Loading />
      </Screen>
    )
  return (
    <Screen className='wu-page console staff-console'>
      <View className='wu-card'>
        <Text className='panel-title'>{d.union?.name ?? '全部工会'}</Text>
        <View className='days' {...a11y({ role: 'group', label: '统计时段' })}>
          {[7, 30, 90].map((n) => (
            <Chip key={n} className='day-chip' onClass='day-on' on={days === n} onClick={() => setDays(n)}>
              近{n}天
            </Chip>
          ))}
        </View>
        <View className='kpis'>
          <View className='kpi'>
            <Text className='kpi-value kpi-members'>{d.members.active}</Text>
            <Text className='kpi-label'>有效会员（新增 {d.members.newInPeriod}）</Text>
          </View>
          <View className='kpi' onClick={() => open(url('admin/review'))} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <Text className='kpi-value'>{d.members.pending}</Text>
            <Text className='kpi-label'>待审核入会申请</Text>
          </View>
          <View className='kpi'>
            <Text className='kpi-value'>{d.stations.count}</Text>
            <Text className='kpi-label'>驿站（到访 {d.stations.visitsInPeriod} 人次）</Text>
          </View>
          <View className='kpi'>
            <Text className='kpi-value'>{d.stations.ratingAvg ?? '—'}</Text>
            <Text className='kpi-label'>驿站平均评分（{d.stations.ratings} 条评价）</Text>
          </View>
          <View className='kpi'>
            <Text className='kpi-value'>¥{formatYuan(d.shop.amountInPeriodFen)}</Text>
            <Text className='kpi-label'>消费帮扶金额（{d.shop.ordersInPeriod} 单）</Text>
          </View>
          <View className='kpi'>
            <Text className='kpi-value'>{d.campaigns.joined}</Text>
            <Text className='kpi-label'>
              活动参与（进行中 {d.campaigns.published}，已核销 {d.campaigns.used}）
            </Text>
          </View>
        </View>
      </View>
      <View className='wu-card subsidy-panel'>
        <Text className='panel-title'>困难帮扶</Text>
        <View className='kpis'>
          <View className='kpi kpi-subsidy-active' onClick={() => openFiles('active')} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <Text className='kpi-value'>{d.subsidy.files.active}</Text>
            <Text className='kpi-label'>在档户数（已归档 {d.subsidy.files.archived}）</Text>
          </View>
          <View className='kpi kpi-subsidy-open' onClick={() => open(url('subsidy/queue'))} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <Text className='kpi-value'>{d.subsidy.applicationsOpen}</Text>
            <Text className='kpi-label'>待审批申请</Text>
          </View>
          <View className='kpi kpi-subsidy-paid'>
            <Text className='kpi-value'>¥{formatYuan(d.subsidy.paidThisYearFen)}</Text>
            <Text className='kpi-label'>今年已发放（{d.subsidy.paymentsThisYear} 笔）</Text>
          </View>
          <View className='kpi kpi-subsidy-budget' onClick={() => open(url('subsidy/budget'))} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <Text className='kpi-value'>¥{formatYuan(d.subsidy.budgetRemainingFen)}</Text>
            <Text className='kpi-label'>预算余额（共 ¥{formatYuan(d.subsidy.budgetThisYearFen)}）</Text>
          </View>
          <View className='kpi kpi-subsidy-stale' onClick={() => openFiles('stale')} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <Text className='kpi-value'>{d.subsidy.files.stale}</Text>
            <Text className='kpi-label'>一年未更新</Text>
          </View>
          <View className='kpi kpi-subsidy-never' onClick={() => openFiles('never_helped')} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <Text className='kpi-value'>{d.subsidy.files.neverHelped}</Text>
            <Text className='kpi-label'>建档未帮扶</Text>
          </View>
          <View className='kpi kpi-subsidy-risk' onClick={() => openFiles('at_risk')} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <Text className='kpi-value'>{d.subsidy.files.atRisk}</Text>
            <Text className='kpi-label'>返困风险</Text>
          </View>
        </View>
        {d.subsidy.files.byCategory.length > 0 ? (
          <Bars rows={d.subsidy.files.byCategory.map((c) => ({ label: CATEGORY_LABELS[c.category], value: c.count }))} />
        ) : (
          <Text className='kpi-label'>暂无在档困难职工</Text>
        )}
      </View>
      <View className='wu-card'>
        <Text className='panel-title'>会员职业分布</Text>
        <Bars rows={d.members.byOccupation.map((o) => ({ label: OCCUPATION_TEXT[o.occupation], value: o.count }))} />
      </View>
      <View className='wu-card'>
        <Text className='panel-title'>常用功能</Text>
        <View className='links'>
          {LINKS.map(([label, to]) => (
            <LinkButton key={to} className='link' onClick={() => open(url(to))}>
              {label}
            </LinkButton>
          ))}
        </View>
      </View>
      <ConsoleExports />
    </Screen>
  )
}

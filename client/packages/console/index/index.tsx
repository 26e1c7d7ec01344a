// The staff console: what is happening across the staff member's union subtree, at a glance.
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { saveCsv } from '../../../services/files'
import { OCCUPATION_TEXT } from '../../../services/labels'
import { formatYuan } from '../../../../types/money'
import { CATEGORY_LABELS } from '../../../../types/subsidy-labels'
import { ErrorBlock, Loading } from '../../../components/states'
import './index.css'

type Dashboard = Awaited<ReturnType<typeof api.console.dashboard>>
const TABLES = [
  ['members', '会员名册'],
  ['stations', '驿站统计'],
  ['orders', '采购订单'],
  ['campaigns', '活动情况'],
  ['subsidy_files', '困难档案'],
] as const

const FILES_PAGE = '/packages/subsidy/files/index'

const LINKS = [
  ['会员审核', '/packages/admin/review/index'],
  ['扫码验卡', '/packages/admin/verify/index'],
  ['活动管理', '/packages/campaign/manage/index'],
  ['核销领取码', '/packages/campaign/verify/index'],
  ['驿站统计与评选', '/packages/stations/manage/index'],
  ['采购台账', '/packages/shop/ledger/index'],
  ['工会团购', '/packages/shop/bulk/index'],
] as const

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
  const [d, setD] = useState<Dashboard | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async (n = days) => {
    setError(null)
    try {
      setD(await api.console.dashboard({ days: n }))
    } catch (e) {
      setError(e instanceof ApiCallError && e.code === 'FORBIDDEN' ? '仅限工会工作人员使用' : e instanceof ApiCallError ? e.message : '网络不太好，请稍后重试')
    }
  }
  useDidShow(() => void load())

  const exportTable = async (table: (typeof TABLES)[number][0]) => {
    try {
      Taro.showLoading({ title: '正在导出' })
      const r = await api.console.export({ table })
      const where = await saveCsv(r.filename, r.csv)
      Taro.hideLoading()
      Taro.showModal({ title: '已导出', content: `共 ${r.rows} 行，已保存：${where}`, showCancel: false })
    } catch (e) {
      Taro.hideLoading()
      Taro.showModal({ title: '导出失败', content: e instanceof ApiCallError ? e.message : '请稍后重试', showCancel: false })
    }
  }

  if (error) return <ErrorBlock message={error} onRetry={() => load()} />
  if (!d) return <Loading />
  return (
    <View className='console staff-console'>
      <View className='panel'>
        <Text className='panel-title'>{d.union?.name ?? '全部工会'}</Text>
        <View className='days'>
          {[7, 30, 90].map((n) => (
            <Text
              key={n}
              className={`day-chip ${days === n ? 'day-on' : ''}`}
              onClick={() => {
                setDays(n)
                void load(n)
              }}
            >
              近{n}天
            </Text>
          ))}
        </View>
        <View className='kpis'>
          <View className='kpi'>
            <Text className='kpi-value kpi-members'>{d.members.active}</Text>
            <Text className='kpi-label'>有效会员（新增 {d.members.newInPeriod}）</Text>
          </View>
          <View className='kpi' onClick={() => Taro.navigateTo({ url: '/packages/admin/review/index' })}>
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
      <View className='panel subsidy-panel'>
        <Text className='panel-title'>困难帮扶</Text>
        <View className='kpis'>
          <View className='kpi kpi-subsidy-active' onClick={() => Taro.navigateTo({ url: `${FILES_PAGE}?filter=active` })}>
            <Text className='kpi-value'>{d.subsidy.files.active}</Text>
            <Text className='kpi-label'>在档户数（已归档 {d.subsidy.files.archived}）</Text>
          </View>
          <View className='kpi kpi-subsidy-open' onClick={() => Taro.navigateTo({ url: '/packages/subsidy/queue/index' })}>
            <Text className='kpi-value'>{d.subsidy.applicationsOpen}</Text>
            <Text className='kpi-label'>待审批申请</Text>
          </View>
          <View className='kpi kpi-subsidy-paid'>
            <Text className='kpi-value'>¥{formatYuan(d.subsidy.paidThisYearFen)}</Text>
            <Text className='kpi-label'>今年已发放（{d.subsidy.paymentsThisYear} 笔）</Text>
          </View>
          <View className='kpi kpi-subsidy-budget' onClick={() => Taro.navigateTo({ url: '/packages/subsidy/budget/index' })}>
            <Text className='kpi-value'>¥{formatYuan(d.subsidy.budgetRemainingFen)}</Text>
            <Text className='kpi-label'>预算余额（共 ¥{formatYuan(d.subsidy.budgetThisYearFen)}）</Text>
          </View>
          <View className='kpi kpi-subsidy-stale' onClick={() => Taro.navigateTo({ url: `${FILES_PAGE}?filter=stale` })}>
            <Text className='kpi-value'>{d.subsidy.files.stale}</Text>
            <Text className='kpi-label'>一年未更新</Text>
          </View>
          <View className='kpi kpi-subsidy-never' onClick={() => Taro.navigateTo({ url: `${FILES_PAGE}?filter=never_helped` })}>
            <Text className='kpi-value'>{d.subsidy.files.neverHelped}</Text>
            <Text className='kpi-label'>建档未帮扶</Text>
          </View>
          <View className='kpi kpi-subsidy-risk' onClick={() => Taro.navigateTo({ url: `${FILES_PAGE}?filter=at_risk` })}>
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
      <View className='panel'>
        <Text className='panel-title'>会员职业分布</Text>
        <Bars rows={d.members.byOccupation.map((o) => ({ label: OCCUPATION_TEXT[o.occupation], value: o.count }))} />
      </View>
      <View className='panel'>
        <Text className='panel-title'>常用功能</Text>
        <View className='links'>
          {LINKS.map(([label, url]) => (
            <Text key={url} className='link' onClick={() => Taro.navigateTo({ url })}>
              {label}
            </Text>
          ))}
        </View>
      </View>
      <View className='panel'>
        <Text className='panel-title'>导出报表（CSV）</Text>
        {TABLES.map(([table, label]) => (
          <Button key={table} className='export' onClick={() => exportTable(table)}>
            {label}
          </Button>
        ))}
      </View>
    </View>
  )
}

// 帮扶资金预算 (staff): each union's yearly budget per relief programme, what has been paid from it and what
// is left. Staff raise or lower a total (never below what was already paid; the server checks again) and
// arrange a budget for a programme that has none yet. Only unions in the caller's scope are listed.
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { yuan } from '../../../../types/subsidy-labels'
import { usePageQuery } from '../../../hooks/page-query'
import { useBusy } from '../../../hooks/busy'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { todayBeijing } from '../shared'
import { groupByUnion, keyOf, type Row } from './rows'
import { BudgetRow } from './budget-row'
import { AddBudgetForm } from './add-form'
import '../subsidy.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { Tabs } from '../../../components/ui/choice'

export default function SubsidyBudget() {
  const thisYear = Number(todayBeijing().slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [editing, setEditing] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const page = usePageQuery(() => api.subsidy.budgets({ year }), { login: 'required', deps: [year] })
  const { busy, run } = useBusy()
  const items = page.data?.items ?? null

  const pickYear = (y: number) => {
    setYear(y)
    setEditing(null)
    setAdding(false)
  }
  const replaceRow = (row: Row) => {
    page.setData((d) => d && { ...d, items: d.items.map((x) => (keyOf(x) === keyOf(row) && x.year === row.year ? row : x)) })
    setEditing(null)
    void page.reload()
  }
  const added = () => {
    setAdding(false)
    page.setData(null)
    void page.reload()
  }

  if (page.error?.code === 'FORBIDDEN')
    return (
      <Screen className='wu-page sb-page'>
        <Forbidden hint='您的账号没有查看帮扶资金预算的权限。' />
      </Screen>
    )

  const totals = (items ?? []).reduce((t, r) => ({ total: t.total + r.totalFen, spent: t.spent + r.spentFen, remaining: t.remaining + r.remainingFen }), { total: 0, spent: 0, remaining: 0 })
  const forms = { busy: busy !== null, run }
  return (
    <Screen className='wu-page sb-page subsidy-budget'>
      <Tabs
        className='sb-tabs'
        tabClass='sb-tab'
        onClass='sb-tab-on'
        label='预算年度'
        value={String(year)}
        onChange={(y) => pickYear(Number(y))}
        tabs={[thisYear, thisYear - 1].map((y) => ({ key: String(y), className: y === thisYear ? 'year-this' : 'year-last', label: y === thisYear ? `今年 ${y}` : `去年 ${y}` }))}
      />
      {page.error ? (
        <ErrorBlock message={page.error.message} onRetry={page.reload} />
      ) : !items ? (
        <Loading text='正在加载预算…' />
      ) : (
        <View>
          {items.length ? (
            <View className='wu-card sb-budget-summary budget-summary'>
              <Text className='sb-result-title'>{`${year}年预算合计`}</Text>
              <Text className='sb-budget-sum summary-total'>{`¥${yuan(totals.total)}`}</Text>
              <Text className='sb-meta summary-spent'>{`已发放 ¥${yuan(totals.spent)} · 剩余 ¥${yuan(totals.remaining)}`}</Text>
            </View>
          ) : null}
          {adding ? (
            <AddBudgetForm year={year} items={items} {...forms} onClose={() => setAdding(false)} onSaved={added} />
          ) : (
            <Btn kind='secondary'
              className='sb-secondary sb-budget-add budget-add'
              onClick={() => {
                setAdding(true)
                setEditing(null)
              }}
            >
              新增预算
            </Btn>
          )}
          {items.length === 0 ? (
            <Empty text={year === thisYear ? '本年度还没有安排预算' : `${year}年度没有安排预算`} />
          ) : (
            groupByUnion(items).map((g) => (
              <View key={g.unionId} className='wu-card budget-union'>
                <Text className='sb-section budget-union-name'>{g.unionName}</Text>
                {g.rows.map((r) => (
                  <BudgetRow key={keyOf(r)} r={r} editing={editing === keyOf(r)} onEdit={setEditing} {...forms} onSaved={replaceRow} />
                ))}
              </View>
            ))
          )}
        </View>
      )}
    </Screen>
  )
}

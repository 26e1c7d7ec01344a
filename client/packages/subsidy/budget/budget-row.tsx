// One programme's budget in a union: total, paid (with a bar), what is left, a warning when little is
// left, and 调整预算 opening the form that raises or lowers the total (never below what was paid); an
// increase waits for a second person's confirmation.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { BUDGET_CHANGE_RESULT_LABELS, yuan } from '../../../../types/subsidy-labels'
import { MAX_BUDGET_FEN } from '../../../../types/subsidy-fields'
import { fenToInput, parseYuan, type FieldErrors } from '../shared'
import { isLow, keyOf, percent, serverErrors, type Row } from './rows'
import { FormActions, YuanInput } from './form-parts'
import { PendingChange } from './pending-change'
import { LinkButton } from '../../../components/ui/button'

type Props = {
  r: Row
  editing: boolean
  onEdit: (key: string | null) => void
  busy: boolean
  run: (key: string, fn: () => Promise<unknown>) => Promise<void>
  /** The server's new row, after which the list is loaded again. */
  onSaved: (row: Row) => void
}

function AdjustForm({ r, busy, run, onClose, onSaved }: Omit<Props, 'editing' | 'onEdit'> & { onClose: () => void }) {
  const [value, setValue] = useState(fenToInput(r.totalFen))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [top, setTop] = useState<string | null>(null)

  const save = () =>
    run('edit', async () => {
      const p = parseYuan(value, { maxFen: MAX_BUDGET_FEN, empty: '请填写新的预算总额' })
      if (!p.ok) return setErrors({ totalFen: p.error })
      if (p.fen < r.spentFen) return setErrors({ totalFen: `预算不能少于已发放的 ¥${yuan(r.spentFen)}` })
      if (p.fen === r.totalFen) return setErrors({ totalFen: '新的预算总额与原来相同' })
      setErrors({})
      setTop(null)
      const ok = await Taro.showModal({
        title: '确认调整预算',
        content: `${r.unionName}${r.year}年“${r.name}”预算由 ¥${yuan(r.totalFen)} 调整为 ¥${yuan(p.fen)}（已发放 ¥${yuan(r.spentFen)}）。`,
        confirmText: '确认调整',
      })
      if (!ok.confirm) return
      try {
        const row = await api.subsidy.setBudget({ unionId: r.unionId, programme: r.programme, year: r.year, totalFen: p.fen })
        Taro.showToast({ title: BUDGET_CHANGE_RESULT_LABELS[row.status], icon: row.status === 'applied' ? 'success' : 'none' })
        onSaved(row)
      } catch (e) {
        const s = serverErrors(e)
        setErrors(s.fields)
        setTop(s.message)
      }
    })

  return (
    <View className='sb-budget-edit budget-edit'>
      {top ? <Text className='sb-top-error budget-top-error'>{top}</Text> : null}
      <Text className='sb-label'>新的预算总额</Text>
      <YuanInput className='budget-input' value={value} onInput={setValue} errors={errors} />
      <FormActions name='budget' save='确认调整' busy={busy} onCancel={onClose} onSave={save} />
    </View>
  )
}

export function BudgetRow({ r, editing, onEdit, ...form }: Props) {
  const low = isLow(r)
  return (
    <View className={`sb-budget budget-row budget-${r.programme} ${low ? 'budget-low' : ''}`}>
      <View className='sb-row'>
        <Text className='sb-programme-name budget-name'>{r.name}</Text>
        <Text className='sb-value budget-total'>{`¥${yuan(r.totalFen)}`}</Text>
      </View>
      <View className='sb-bar'>
        <View className={`sb-bar-fill ${low ? 'sb-bar-low' : ''}`} style={{ width: `${percent(r)}%` }} />
      </View>
      <View className='sb-row'>
        <Text className='sb-meta budget-spent'>{`已发放 ¥${yuan(r.spentFen)}（${percent(r)}%）`}</Text>
        <Text className={`sb-meta budget-remaining ${low ? 'sb-budget-warn' : ''}`}>{`剩余 ¥${yuan(r.remainingFen)}`}</Text>
      </View>
      {low ? <Text className='sb-budget-warning budget-warning'>{r.remainingFen <= 0 ? '预算已用完，发放会被拒绝，请及时追加' : '剩余不足10%，请及时追加预算'}</Text> : null}
      <PendingChange r={r} busy={form.busy} run={form.run} onSaved={form.onSaved} />
      {editing ? (
        <AdjustForm r={r} {...form} onClose={() => onEdit(null)} />
      ) : r.pending ? null : (
        <View className='sb-row sb-toolbar'>
          <LinkButton className='sb-link budget-adjust' onClick={() => onEdit(keyOf(r))}>
            调整预算
          </LinkButton>
        </View>
      )}
    </View>
  )
}

// A budget increase waiting for a second person (four eyes): what it asks and who asked; whoever may decide
// confirms or sends it back, the proposer may withdraw it, anyone else sees that it waits.
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { BUDGET_CHANGE_RESULT_LABELS, yuan } from '../../../../types/subsidy-labels'
import { errorText } from '../../../services/errors'
import type { Row } from './rows'
import { Btn, LinkButton } from '../../../components/ui/button'

type Props = { r: Row; busy: boolean; run: (key: string, fn: () => Promise<unknown>) => Promise<void>; onSaved: (row: Row) => void }

export function PendingChange({ r, busy, run, onSaved }: Props) {
  const c = r.pending
  if (!c) return null
  const decide = (approve: boolean) =>
    run('pending', async () => {
      const what = `${r.unionName}${r.year}年“${r.name}”预算由 ¥${yuan(c.fromFen)} 调整为 ¥${yuan(c.toFen)}`
      const act = approve ? '确认' : c.canDecide === 'withdraw' ? '撤回' : '退回'
      const ok = await Taro.showModal({ title: `${act}预算调整`, content: `${what}（${c.requestedBy}提交）。`, confirmText: act })
      if (!ok.confirm) return
      try {
        const row = await api.subsidy.confirmBudget({ changeId: c.changeId, approve })
        Taro.showToast({ title: BUDGET_CHANGE_RESULT_LABELS[row.status], icon: row.status === 'applied' ? 'success' : 'none' })
        onSaved(row)
      } catch (e) {
        Taro.showToast({ title: errorText(e), icon: 'none' })
      }
    })
  return (
    <View className='sb-budget-pending budget-pending'>
      <Text className='sb-meta budget-pending-text'>{`待确认：调整为 ¥${yuan(c.toFen)}（${c.requestedBy}提交）`}</Text>
      {c.canDecide === 'confirm' ? (
        <View className='sb-actions'>
          <Btn kind='plain' className='sb-plain budget-reject' disabled={busy} onClick={() => decide(false)}>
            退回
          </Btn>
          <Btn kind='danger' className='sb-danger budget-confirm' disabled={busy} loading={busy} onClick={() => decide(true)}>
            确认调整
          </Btn>
        </View>
      ) : c.canDecide === 'withdraw' ? (
        <View className='sb-row'>
          <Text className='sb-meta budget-waiting'>须由另一位工作人员确认后生效</Text>
          <LinkButton className='sb-link budget-withdraw' label='撤回这次预算调整' onClick={() => decide(false)}>
            撤回
          </LinkButton>
        </View>
      ) : (
        <Text className='sb-meta budget-waiting'>须由提交人所在工会或上级工会的另一位工作人员确认</Text>
      )}
    </View>
  )
}

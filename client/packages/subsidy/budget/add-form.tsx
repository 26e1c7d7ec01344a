// 新增预算: a budget for a union in the staff member's scope and a programme that has none yet this year.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { ensureLogin } from '../../../services/session'
import { errorText } from '../../../services/errors'
import { scopeUnions } from '../../../services/unions'
import type { UnionSummary } from '../../../../types/union'
import { BUDGET_CHANGE_RESULT_LABELS, yuan } from '../../../../types/subsidy-labels'
import { MAX_BUDGET_FEN } from '../../../../types/subsidy-fields'
import { ScopeUnionPicker } from '../../../components/scope-union-picker'
import { BUDGET_PROGRAMMES } from '../policy'
import { parseYuan, type FieldErrors } from '../shared'
import { serverErrors, type Row } from './rows'
import { FieldError, FormActions, YuanInput } from './form-parts'
import { LinkButton } from '../../../components/ui/button'
import { Chip } from '../../../components/ui/choice'
import { a11y } from '../../../components/ui/a11y'

type Props = {
  year: number
  /** The rows shown: a programme a union already has a budget for is offered no second one. */
  items: Row[]
  busy: boolean
  run: (key: string, fn: () => Promise<unknown>) => Promise<void>
  onClose: () => void
  onSaved: () => void
}

export function AddBudgetForm({ year, items, busy, run, onClose, onSaved }: Props) {
  const [unions, setUnions] = useState<UnionSummary[] | null>(null)
  const [unionsError, setUnionsError] = useState<string | null>(null)
  const [union, setUnion] = useState<UnionSummary | null>(null)
  const [programme, setProgramme] = useState<string | null>(null)
  const [total, setTotal] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [top, setTop] = useState<string | null>(null)

  const loadUnions = async () => {
    setUnionsError(null)
    try {
      const me = await ensureLogin()
      if (!me) return
      const s = await scopeUnions(me)
      setUnions(s.unions)
      setUnion((u) => u ?? s.own)
    } catch (e) {
      setUnionsError(errorText(e))
    }
  }
  useEffect(() => void loadUnions(), [])

  const existing = (unionId: string | undefined, id: string) => items.some((r) => r.unionId === unionId && r.programme === id)

  const save = () =>
    run('add', async () => {
      const found: FieldErrors = {}
      if (!union) found.unionId = '请选择工会'
      const p = BUDGET_PROGRAMMES.find((x) => x.id === programme)
      if (!p) found.programme = '请选择帮扶项目'
      else if (existing(union?.id, p.id)) found.programme = '该项目已有预算，请在列表中调整'
      const amount = parseYuan(total, { maxFen: MAX_BUDGET_FEN, empty: '请填写预算总额' })
      if (!amount.ok) found.totalFen = amount.error
      else if (amount.fen <= 0) found.totalFen = '预算总额应大于0'
      setErrors(found)
      setTop(null)
      if (Object.keys(found).length || !amount.ok || !p || !union) return
      const ok = await Taro.showModal({ title: '确认安排预算', content: `为${union.name}安排${year}年“${p.name}”预算 ¥${yuan(amount.fen)}。`, confirmText: '确认' })
      if (!ok.confirm) return
      try {
        const row = await api.subsidy.setBudget({ unionId: union.id, programme: p.id, year, totalFen: amount.fen })
        Taro.showToast({ title: row.status === 'applied' ? '预算已安排' : BUDGET_CHANGE_RESULT_LABELS[row.status], icon: row.status === 'applied' ? 'success' : 'none' })
        onSaved()
      } catch (e) {
        const s = serverErrors(e)
        setErrors(s.fields)
        setTop(s.message)
      }
    })

  return (
    <View className='wu-card budget-add-form'>
      <Text className='sb-section'>{`新增${year}年预算`}</Text>
      {top ? (
        <Text className='sb-top-error add-top-error' {...a11y({ role: 'alert' })}>
          {top}
        </Text>
      ) : null}
      <Text className='sb-label'>工会</Text>
      {unionsError ? (
        <View>
          <Text className='sb-error'>{`工会列表加载失败：${unionsError}`}</Text>
          <LinkButton className='sb-link add-unions-retry' label='重新加载工会列表' onClick={() => void loadUnions()}>
            重试
          </LinkButton>
        </View>
      ) : !unions ? (
        <Text className='sb-hint'>正在加载工会…</Text>
      ) : (
        <ScopeUnionPicker
          unions={unions}
          picked={union}
          onPick={setUnion}
          searchFrom={9}
          classes={{ picked: 'add-union', change: 'add-union-change', search: 'add-union-search', option: 'add-union-option', optionName: 'sb-option-name' }}
        />
      )}
      <FieldError fields={errors} name='unionId' />
      <Text className='sb-label'>帮扶项目</Text>
      <View className='sb-chips' {...a11y({ role: 'group', label: '帮扶项目' })}>
        {BUDGET_PROGRAMMES.map((p) => {
          const has = existing(union?.id, p.id)
          return (
            <Chip key={p.id} className={`sb-chip add-programme-${p.id} ${has ? 'sb-chip-static' : ''}`} onClass='sb-chip-on' on={programme === p.id} disabled={has} onClick={() => setProgramme(p.id)}>
              {has ? `${p.name}（已安排）` : p.name}
            </Chip>
          )
        })}
      </View>
      <FieldError fields={errors} name='programme' />
      <Text className='sb-label'>预算总额</Text>
      <YuanInput className='add-total' value={total} onInput={setTotal} errors={errors} placeholder='例如 50000' />
      <FormActions name='add' save='保存预算' busy={busy} onCancel={onClose} onSave={save} />
    </View>
  )
}

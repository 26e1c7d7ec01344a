// 可发放的帮扶项目: each programme still open to this household this year, with a 发放 button. Every
// payment carries a request id; a payment whose answer was lost is retried with the same id, so it never
// pays twice.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { yuan } from '../../../../types/subsidy-labels'
import { alertModal, newRequestId, parseYuan } from '../shared'
import type { Available, SectionProps } from './types'
import { Btn } from '../../../components/ui/button'
import { inputA11y } from '../../../components/ui/field'

export function DisburseCard({ d, busy, run, onDone }: SectionProps) {
  const [amounts, setAmounts] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  // A payment whose answer was lost: the next confirm of the same amount reuses its request id.
  const [pending, setPending] = useState<Record<string, { requestId: string; amountFen: number }>>({})
  const forget = (id: string) =>
    setPending((m) => {
      const { [id]: _done, ...rest } = m
      return rest
    })

  const disburse = (p: Available) =>
    run(`pay-${p.id}`, async () => {
      const raw = (amounts[p.id] ?? '').trim()
      let amountFen = p.amountFen
      if (raw) {
        const r = parseYuan(raw)
        if (!r.ok) return setErrors((m) => ({ ...m, [p.id]: r.error }))
        if (r.fen < 1) return setErrors((m) => ({ ...m, [p.id]: '金额应大于0' }))
        amountFen = r.fen
      }
      if (amountFen > p.remainingFen) return setErrors((m) => ({ ...m, [p.id]: `超过本年度剩余额度 ¥${yuan(p.remainingFen)}` }))
      setErrors((m) => ({ ...m, [p.id]: '' }))
      const retry = pending[p.id]?.amountFen === amountFen ? pending[p.id] : null
      const ok = await Taro.showModal({
        title: '确认发放',
        content: `向 ${d.memberName} 发放“${p.name}” ¥${yuan(amountFen)}。${retry ? '上次发放结果未知，将按同一笔重试，不会重复发放。' : '发放后记入帮扶台账，不能撤销。'}`,
        confirmText: '确认发放',
      })
      if (!ok.confirm) return
      const requestId = retry?.requestId ?? newRequestId('pay')
      setPending((m) => ({ ...m, [p.id]: { requestId, amountFen } }))
      try {
        const r = await api.subsidy.disburse({ requestId, fileId: d.fileId, programme: p.id, ...(amountFen !== p.amountFen ? { amountFen } : {}) })
        forget(p.id)
        setAmounts((m) => ({ ...m, [p.id]: '' }))
        await alertModal(r.duplicate ? '这笔已发放过' : '发放成功', r.duplicate ? `这笔 ¥${yuan(r.amountFen)} 之前已经发放，没有重复发放。` : `已发放 ¥${yuan(r.amountFen)}，该项目本工会预算余额 ¥${yuan(r.budgetRemainingFen)}。`)
        await onDone()
      } catch (e) {
        if (e instanceof ApiCallError && e.code === 'NETWORK') {
          await alertModal('发放结果未知', '网络不太好，不确定是否已发放。请稍后再点“发放”，会按同一笔重试，不会重复发放。')
        } else {
          // The server refused it: nothing was paid, the next attempt is a new request.
          forget(p.id)
          await alertModal('未能发放', errorText(e))
        }
      }
    })

  return (
    <View className='wu-card'>
      <Text className='sb-section'>可发放的帮扶项目（本年度）</Text>
      {d.available.length === 0 ? <Text className='sb-hint'>本年度暂无可发放的项目</Text> : null}
      {d.available.map((p) => {
        const used = p.remainingFen <= 0 || p.timesLeft === 0
        const blocked = used || !p.inSeason
        return (
          <View key={p.id} className={`sb-available available-${p.id}`}>
            <View className='sb-row'>
              <Text className='sb-programme-name'>{p.name}</Text>
              <Text className='sb-programme-amount'>¥{yuan(p.amountFen)}</Text>
            </View>
            <Text className='sb-meta'>
              本年度剩余额度 ¥{yuan(p.remainingFen)}
              {p.timesLeft !== null ? ` · 还可发放 ${p.timesLeft} 次` : ''}
              {!p.inSeason ? ' · 不在发放时间' : ''}
            </Text>
            {!blocked ? (
              <View className='sb-money-row'>
                <Input {...inputA11y(`${p.name}发放金额（元）`, errors[p.id])} className='wu-input sb-input sb-money disburse-amount' type='digit' value={amounts[p.id] ?? ''} maxlength={12} placeholder={`金额（元），默认 ${yuan(p.amountFen)}`} onInput={(e) => setAmounts((m) => ({ ...m, [p.id]: e.detail.value }))} />
                <Btn kind='success' size='sm' label={`发放${p.name}`} className='sb-approve sb-small disburse-button' disabled={!!busy} loading={busy === `pay-${p.id}`} onClick={() => disburse(p)}>
                  发放
                </Btn>
              </View>
            ) : (
              <Text className='sb-waiting'>{used ? '本年度已领满' : '不在发放时间'}</Text>
            )}
            {errors[p.id] ? <Text className='sb-error'>{errors[p.id]}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

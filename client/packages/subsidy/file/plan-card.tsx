// 帮扶计划（一户一策）: the plan as saved, or the form that writes it (goal, measures, who is responsible
// and how to reach them, the next visit). The contact is asked again on every edit: only its masked form
// comes back from the server.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { normalizePhone } from '../../../../types/idcard'
import { alertModal, dateText, todayBeijing, type FieldErrors } from '../shared'
import { planProblems, type PlanForm } from './plan-rules'
import type { SectionProps } from './types'
import { Btn, LinkButton } from '../../../components/ui/button'
import { inputA11y, PickerValue } from '../../../components/ui/field'

const plusMonths = (m: number) => {
  const d = new Date(`${todayBeijing()}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + m)
  return d.toISOString().slice(0, 10)
}

export function PlanCard({ d, busy, run, onDone }: SectionProps) {
  const [plan, setPlan] = useState<PlanForm | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const active = d.status === 'active'

  const edit = () => {
    const p = d.plan
    setPlan({ goal: p?.goal ?? '', measures: p?.measures.length ? [...p.measures] : [''], responsible: p?.responsible ?? '', contact: '', nextReviewDate: p?.nextReviewDate ?? plusMonths(3) })
    setErrors({})
  }

  const save = () =>
    run('plan', async () => {
      if (!plan) return
      const problems = planProblems(plan)
      setErrors(problems)
      if (Object.keys(problems).length) return
      try {
        await api.subsidy.plan({
          fileId: d.fileId,
          goal: plan.goal.trim(),
          measures: plan.measures.map((m) => m.trim()).filter(Boolean),
          responsible: plan.responsible.trim(),
          contact: normalizePhone(plan.contact),
          nextReviewDate: plan.nextReviewDate,
        })
        Taro.showToast({ title: '帮扶计划已保存', icon: 'success' })
        setPlan(null)
        await onDone()
      } catch (e) {
        if (e instanceof ApiCallError && e.fields) setErrors(e.fields)
        else await alertModal('保存失败', errorText(e))
      }
    })

  const err = (k: string) => (errors[k] ? <Text className='sb-error'>{errors[k]}</Text> : null)
  const saving = busy === 'plan'
  return (
    <View className='wu-card plan-card'>
      <View className='sb-row'>
        <Text className='sb-section'>帮扶计划（一户一策）</Text>
        {active && !plan ? (
          <LinkButton className='sb-link plan-edit' label={d.plan ? '修改帮扶计划' : '制定帮扶计划'} onClick={edit}>
            {d.plan ? '修改' : '制定计划'}
          </LinkButton>
        ) : null}
      </View>
      {plan ? (
        <View className='plan-form'>
          <Text className='sb-label'>帮扶目标</Text>
          <Textarea {...inputA11y('帮扶目标', errors.goal)} className='wu-textarea sb-textarea plan-goal' value={plan.goal} maxlength={200} placeholder='例如：年内家庭人均收入稳定高于当地标准' onInput={(e) => setPlan({ ...plan, goal: e.detail.value })} />
          {err('goal')}
          <Text className='sb-label'>帮扶措施</Text>
          {plan.measures.map((m, i) => (
            <View key={i} className='sb-measure'>
              <View className='sb-money-row'>
                <Input {...inputA11y(`帮扶措施第 ${i + 1} 条`, errors[`measures.${i}`])} className='wu-input sb-input plan-measure' value={m} maxlength={100} placeholder={`第${i + 1}条，例如：推荐参加技能培训`} onInput={(e) => setPlan({ ...plan, measures: plan.measures.map((x, j) => (j === i ? e.detail.value : x)) })} />
                {plan.measures.length > 1 ? (
                  <LinkButton className='sb-remove' label={`删除第 ${i + 1} 条措施`} onClick={() => setPlan({ ...plan, measures: plan.measures.filter((_, j) => j !== i) })}>
                    删除
                  </LinkButton>
                ) : null}
              </View>
              {err(`measures.${i}`)}
            </View>
          ))}
          {err('measures')}
          {plan.measures.length < 10 ? (
            <LinkButton className='sb-link plan-add-measure' onClick={() => setPlan({ ...plan, measures: [...plan.measures, ''] })}>
              + 添加一条措施
            </LinkButton>
          ) : null}
          <Text className='sb-label'>责任人</Text>
          <Input {...inputA11y('责任人', errors.responsible)} className='wu-input sb-input plan-responsible' value={plan.responsible} maxlength={20} placeholder='负责帮扶的工会干部姓名' onInput={(e) => setPlan({ ...plan, responsible: e.detail.value })} />
          {err('responsible')}
          <Text className='sb-label'>责任人联系电话</Text>
          <Input {...inputA11y('责任人联系电话', errors.contact)} className='wu-input sb-input plan-contact' type='number' value={plan.contact} maxlength={11} placeholder={d.plan ? `原为 ${d.plan.contactMasked}，请重新填写` : '11位手机号'} onInput={(e) => setPlan({ ...plan, contact: e.detail.value })} />
          {err('contact')}
          <Text className='sb-label'>下次回访日期</Text>
          <Picker mode='date' value={plan.nextReviewDate} start={todayBeijing()} onChange={(e) => setPlan({ ...plan, nextReviewDate: e.detail.value })}>
            <PickerValue className='sb-input plan-date' label='下次回访日期' value={plan.nextReviewDate || '请选择日期'} />
          </Picker>
          {err('nextReviewDate')}
          {err('fileId')}
          <View className='sb-actions'>
            <Btn kind='plain' className='sb-plain' disabled={saving} onClick={() => setPlan(null)}>
              取消
            </Btn>
            <Btn kind='success' className='sb-approve plan-save' disabled={saving} loading={saving} onClick={save}>
              保存计划
            </Btn>
          </View>
        </View>
      ) : d.plan ? (
        <View className='plan-view'>
          <Text className='sb-line'>目标：{d.plan.goal}</Text>
          {d.plan.measures.map((m, i) => (
            <Text key={i} className='sb-line'>
              {i + 1}. {m}
            </Text>
          ))}
          <Text className='sb-meta'>
            责任人：{d.plan.responsible} · {d.plan.contactMasked}
          </Text>
          <Text className='sb-meta'>
            下次回访：{d.plan.nextReviewDate} · 更新于 {dateText(d.plan.updatedAt)}
          </Text>
        </View>
      ) : (
        <Text className='sb-hint'>还没有帮扶计划。应帮尽帮：请为这户制定目标、措施和责任人。</Text>
      )}
    </View>
  )
}

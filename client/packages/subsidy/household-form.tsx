// The household part of the self-check and the application: members with monthly incomes, hardship
// conditions and an optional sudden event. Big touch targets; one tap adds a member of a given relation
// (those are buttons, not toggles: each adds one more row).
import { View, Text, Input, Picker } from '@tarojs/components'
import { CONDITIONS, CONDITION_LABELS, EVENT_KINDS, EVENT_KIND_LABELS, RELATIONS, RELATION_LABELS, type Relation } from '../../../types/subsidy-labels'
import { MAX_HOUSEHOLD as MAX_MEMBERS } from '../../../types/subsidy-fields'
import { newRow, todayBeijing, type FieldErrors, type HouseholdForm } from './shared'
import { Btn, LinkButton } from '../../components/ui/button'
import { CheckRow, Chip } from '../../components/ui/choice'
import { inputA11y, PickerValue } from '../../components/ui/field'
import { a11y } from '../../components/ui/a11y'

const OTHER_RELATIONS = RELATIONS.filter((r) => r !== 'self') as Exclude<Relation, 'self'>[]

type Props = {
  form: HouseholdForm
  onChange: (next: HouseholdForm) => void
  errors: FieldErrors
}

export function HouseholdFields({ form, onChange, errors }: Props) {
  const setRow = (key: string, patch: Partial<HouseholdForm['rows'][number]>) => onChange({ ...form, rows: form.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) })
  const add = (relation: Relation) => {
    if (form.rows.length >= MAX_MEMBERS) return
    onChange({ ...form, rows: [...form.rows, newRow(relation)] })
  }
  const remove = (key: string) => onChange({ ...form, rows: form.rows.filter((r) => r.key !== key) })
  const toggle = (c: (typeof CONDITIONS)[number]) =>
    onChange({ ...form, conditions: form.conditions.includes(c) ? form.conditions.filter((x) => x !== c) : [...form.conditions, c] })
  const setEvent = (patch: Partial<HouseholdForm['event']>) => onChange({ ...form, event: { ...form.event, ...patch } })
  const hasSpouse = form.rows.some((r) => r.relation === 'spouse')
  const total = form.rows.length

  return (
    <View className='sb-household'>
      <View className='wu-card'>
        <Text className='sb-section'>家庭成员与月收入</Text>
        <Text className='sb-hint'>填写共同生活的家庭成员。月收入按最近几个月平均，单位“元”；没有收入请填 0。</Text>
        {form.rows.map((r, i) => {
          const err = errors[`household.${i}.monthlyIncomeFen`] ?? errors[`household.${i}.relation`]
          return (
            <View key={r.key} className={`sb-member member-${i} member-${r.relation}`}>
              <View className='sb-member-head'>
                {r.relation === 'self' && i === 0 ? (
                  <Text className='sb-relation sb-relation-fixed'>本人</Text>
                ) : (
                  <Picker
                    mode='selector'
                    range={OTHER_RELATIONS.map((x) => RELATION_LABELS[x])}
                    value={Math.max(0, OTHER_RELATIONS.indexOf(r.relation as Exclude<Relation, 'self'>))}
                    onChange={(e) => setRow(r.key, { relation: OTHER_RELATIONS[Number(e.detail.value)] })}
                  >
                    <PickerValue className='sb-relation sb-relation-pick' label={`第 ${i + 1} 位家庭成员与本人的关系`} value={RELATION_LABELS[r.relation]} />
                  </Picker>
                )}
                {i > 0 ? (
                  <LinkButton className='sb-remove member-remove' label={`删除第 ${i + 1} 位家庭成员（${RELATION_LABELS[r.relation]}）`} onClick={() => remove(r.key)}>
                    删除
                  </LinkButton>
                ) : null}
              </View>
              <View className='sb-money-row'>
                <Input
                  className={`wu-input sb-input sb-money income-input ${err ? 'wu-input-bad sb-input-bad' : ''}`}
                  type='digit'
                  value={r.income}
                  placeholder='月收入，例如 3000'
                  maxlength={12}
                  onInput={(e) => setRow(r.key, { income: e.detail.value })}
                  {...inputA11y(`${RELATION_LABELS[r.relation]}的月收入（元）`, err)}
                />
                <Text className='sb-unit'>元/月</Text>
              </View>
              {err ? <Text className='sb-error income-error'>{err}</Text> : null}
            </View>
          )
        })}
        {errors.household ? <Text className='sb-error'>{errors.household}</Text> : null}
        {total < MAX_MEMBERS ? (
          <View className='sb-add'>
            <Text className='sb-add-title'>添加家庭成员（共 {total} 人）</Text>
            <View className='sb-chips'>
              {OTHER_RELATIONS.filter((x) => x !== 'spouse' || !hasSpouse).map((x) => (
                <Btn key={x} kind='secondary' size='sm' className={`sb-add-btn add-${x}`} label={`添加家庭成员：${RELATION_LABELS[x]}`} onClick={() => add(x)}>
                  + {RELATION_LABELS[x]}
                </Btn>
              ))}
            </View>
          </View>
        ) : (
          <Text className='sb-hint'>最多填写 {MAX_MEMBERS} 位家庭成员</Text>
        )}
      </View>

      <View className='wu-card'>
        <Text className='sb-section'>家里有以下情况吗？（可多选，没有可不选）</Text>
        <View className='sb-conditions'>
          {CONDITIONS.map((c) => {
            const on = form.conditions.includes(c)
            return (
              <CheckRow key={c} className={`sb-check cond-${c}`} onClass='sb-check-on' checked={on} onChange={() => toggle(c)}>
                <Text className='sb-check-label'>{CONDITION_LABELS[c]}</Text>
              </CheckRow>
            )
          })}
        </View>
        {errors.conditions ? <Text className='sb-error'>{errors.conditions}</Text> : null}
      </View>

      <View className='wu-card'>
        <Text className='sb-section'>最近有突发事件导致生活困难吗？</Text>
        <View className='sb-chips' {...a11y({ role: 'group', label: '最近有突发事件吗' })}>
          <Chip className='sb-chip event-no' onClass='sb-chip-on' on={!form.event.on} onClick={() => setEvent({ on: false })}>
            没有
          </Chip>
          <Chip className='sb-chip event-yes' onClass='sb-chip-on' on={form.event.on} onClick={() => setEvent({ on: true })}>
            有
          </Chip>
        </View>
        {form.event.on ? (
          <View className='sb-event'>
            <Text className='sb-label'>事件类型</Text>
            <View className='sb-chips' {...a11y({ role: 'group', label: '事件类型' })}>
              {EVENT_KINDS.map((k) => (
                <Chip key={k} className={`sb-chip event-kind-${k}`} onClass='sb-chip-on' on={form.event.kind === k} onClick={() => setEvent({ kind: k })}>
                  {EVENT_KIND_LABELS[k]}
                </Chip>
              ))}
            </View>
            <Text className='sb-label'>发生日期</Text>
            <Picker mode='date' value={form.event.date} end={todayBeijing()} onChange={(e) => setEvent({ date: e.detail.value })}>
              <PickerValue className='sb-input event-date' label='发生日期' value={form.event.date || '请选择日期'} />
            </Picker>
            {errors['event.date'] ? <Text className='sb-error'>{errors['event.date']}</Text> : null}
            <Text className='sb-label'>每月收入因此减少多少（元，可不填）</Text>
            <Input className='wu-input sb-input sb-money event-drop' type='digit' value={form.event.drop} placeholder='例如 2000' maxlength={12} onInput={(e) => setEvent({ drop: e.detail.value })} {...inputA11y('每月收入因此减少多少（元）', errors['event.incomeDropFen'])} />
            {errors['event.incomeDropFen'] ? <Text className='sb-error'>{errors['event.incomeDropFen']}</Text> : null}
            <Text className='sb-label'>因此新增的支出，如医药费（元，可不填）</Text>
            <Input className='wu-input sb-input sb-money event-expense' type='digit' value={form.event.expense} placeholder='例如 30000' maxlength={12} onInput={(e) => setEvent({ expense: e.detail.value })} {...inputA11y('因此新增的支出（元）', errors['event.extraExpenseFen'])} />
            {errors['event.extraExpenseFen'] ? <Text className='sb-error'>{errors['event.extraExpenseFen']}</Text> : null}
            {errors.event ? <Text className='sb-error'>{errors.event}</Text> : null}
            {errors['event.kind'] ? <Text className='sb-error'>{errors['event.kind']}</Text> : null}
          </View>
        ) : null}
      </View>
    </View>
  )
}

// Opening hours on the station form: 24小时开放, or rows of weekdays sharing one time span.
import { View, Text, Input } from '@tarojs/components'
import { Chip, CheckRow } from '../../../components/ui/choice'
import { LinkButton } from '../../../components/ui/button'
import { inputA11y } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'
import { newRow, WEEKDAYS, WEEKDAY_TEXT, type HoursRow, type StationForm } from './form-rules'

type Props = { form: StationForm; set: (patch: Partial<StationForm>) => void }

export function HoursEditor({ form, set }: Props) {
  const patchRow = (key: string, patch: Partial<HoursRow>) => set({ rows: form.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) })
  const toggleDay = (r: HoursRow, d: number) => patchRow(r.key, { days: r.days.includes(d) ? r.days.filter((x) => x !== d) : [...r.days, d].sort() })
  return (
    <View className='hours-editor'>
      <CheckRow className='form-24h' checked={form.is24h} onChange={(v) => set({ is24h: v })}>
        24小时开放
      </CheckRow>
      {form.is24h
        ? null
        : form.rows.map((r, i) => (
            <View key={r.key} className='hours-row' {...a11y({ role: 'group', label: `第${i + 1}段开放时间` })}>
              <View className='hours-days'>
                {WEEKDAYS.map((d) => (
                  <Chip key={d} className={`hours-day day-${d}`} on={r.days.includes(d)} label={`星期${WEEKDAY_TEXT[d]}`} onClick={() => toggleDay(r, d)}>
                    {WEEKDAY_TEXT[d]}
                  </Chip>
                ))}
              </View>
              <View className='hours-span'>
                <Input className='wu-input hours-open' value={r.open} maxlength={5} placeholder='08:00' onInput={(e) => patchRow(r.key, { open: e.detail.value })} {...inputA11y(`第${i + 1}段开门时间`)} />
                <Text className='hours-to'>至</Text>
                <Input className='wu-input hours-close' value={r.close} maxlength={5} placeholder='20:00' onInput={(e) => patchRow(r.key, { close: e.detail.value })} {...inputA11y(`第${i + 1}段关门时间`)} />
              </View>
              {form.rows.length > 1 ? (
                <LinkButton className='hours-remove' label={`删除第${i + 1}段开放时间`} onClick={() => set({ rows: form.rows.filter((x) => x.key !== r.key) })}>
                  删除这一段
                </LinkButton>
              ) : null}
            </View>
          ))}
      {form.is24h ? null : (
        <LinkButton className='hours-add' onClick={() => set({ rows: [...form.rows, newRow([], '08:00', '20:00')] })}>
          ＋ 添加一段开放时间
        </LinkButton>
      )}
      <Text className='wu-field-hint'>关门时间早于开门时间表示营业到次日，如 22:00 至 06:00。</Text>
    </View>
  )
}

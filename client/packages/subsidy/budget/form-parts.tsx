// The pieces both budget forms share: an amount in yuan, a field's message under it (with the class its
// tests select on, error-<field>), and the 取消 / save row.
import { View, Text, Input } from '@tarojs/components'
import type { FieldErrors } from '../shared'
import { Btn } from '../../../components/ui/button'
import { inputA11y } from '../../../components/ui/field'

export function FieldError({ fields, name }: { fields: FieldErrors; name: string }) {
  return fields[name] ? <Text className={`sb-error error-${name}`}>{fields[name]}</Text> : null
}

/** The total in yuan, with its message; `className` names the input for tests. */
export function YuanInput({ className, value, onInput, errors, placeholder, label = '预算总额（元）' }: { className: string; value: string; onInput: (v: string) => void; errors: FieldErrors; placeholder?: string; label?: string }) {
  return (
    <View>
      <View className='sb-money-row'>
        <Input className={`wu-input sb-input ${className} ${errors.totalFen ? 'wu-input-bad sb-input-bad' : ''}`} type='digit' value={value} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} {...inputA11y(label, errors.totalFen)} />
        <Text className='sb-unit'>元</Text>
      </View>
      <FieldError fields={errors} name='totalFen' />
    </View>
  )
}

export function FormActions({ name, save, busy, onCancel, onSave }: { name: string; save: string; busy: boolean; onCancel: () => void; onSave: () => void }) {
  return (
    <View className='sb-actions'>
      <Btn kind='plain' className={`sb-plain ${name}-cancel`} onClick={onCancel}>
        取消
      </Btn>
      <Btn kind='danger' className={`sb-danger ${name}-save`} disabled={busy} loading={busy} onClick={onSave}>
        {save}
      </Btn>
    </View>
  )
}

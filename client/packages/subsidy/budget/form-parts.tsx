// The pieces both budget forms share: an amount in yuan, a field's message under it (with the class its
// tests select on, error-<field>), and the 取消 / save row.
import { View, Text, Button, Input } from '@tarojs/components'
import type { FieldErrors } from '../shared'

export function FieldError({ fields, name }: { fields: FieldErrors; name: string }) {
  return fields[name] ? <Text className={`sb-error error-${name}`}>{fields[name]}</Text> : null
}

/** The total in yuan, with its message; `className` names the input for tests. */
export function YuanInput({ className, value, onInput, errors, placeholder }: { className: string; value: string; onInput: (v: string) => void; errors: FieldErrors; placeholder?: string }) {
  return (
    <View>
      <View className='sb-money-row'>
        <Input className={`sb-input ${className} ${errors.totalFen ? 'sb-input-bad' : ''}`} type='digit' value={value} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} />
        <Text className='sb-unit'>元</Text>
      </View>
      <FieldError fields={errors} name='totalFen' />
    </View>
  )
}

export function FormActions({ name, save, busy, onCancel, onSave }: { name: string; save: string; busy: boolean; onCancel: () => void; onSave: () => void }) {
  return (
    <View className='sb-actions'>
      <Button className={`sb-plain ${name}-cancel`} onClick={onCancel}>
        取消
      </Button>
      <Button className={`sb-danger ${name}-save`} disabled={busy || undefined} loading={busy || undefined} onClick={onSave}>
        {save}
      </Button>
    </View>
  )
}

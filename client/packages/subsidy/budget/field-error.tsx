// A field's message under it, with the class its tests select on (error-<field>).
import { Text } from '@tarojs/components'
import type { FieldErrors } from '../shared'

export function FieldError({ fields, name }: { fields: FieldErrors; name: string }) {
  return fields[name] ? <Text className={`sb-error error-${name}`}>{fields[name]}</Text> : null
}

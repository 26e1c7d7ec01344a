// The staff-only state, apart from the others so that only the subpackages that need it carry it.
import { View, Text } from '@tarojs/components'
import { STAFF_ONLY } from '../../services/errors'
import './index.css'
import './forbidden.css'

/** A staff page opened by someone who is not staff (or not over this union): what they cannot do here. */
export function Forbidden({ hint }: { hint?: string }) {
  return (
    <View className='state state-forbidden forbidden'>
      <Text className='state-title'>{STAFF_ONLY}</Text>
      {hint ? <Text className='state-text'>{hint}</Text> : null}
    </View>
  )
}

// A household's hardship conditions as small read-only chips; nothing when there are none.
import { View, Text } from '@tarojs/components'
import { CONDITION_LABELS, type Condition } from '../../../types/subsidy-labels'

export function ConditionChips({ conditions }: { conditions: readonly Condition[] }) {
  if (!conditions.length) return null
  return (
    <View className='sb-chips sb-chips-small'>
      {conditions.map((c) => (
        <Text key={c} className='sb-chip sb-chip-static'>
          {CONDITION_LABELS[c]}
        </Text>
      ))}
    </View>
  )
}

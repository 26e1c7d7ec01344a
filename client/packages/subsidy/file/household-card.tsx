// The household as filed: relations with monthly incomes, and the hardship conditions.
import { View, Text } from '@tarojs/components'
import { RELATION_LABELS, yuan } from '../../../../types/subsidy-labels'
import { ConditionChips } from '../condition-chips'
import type { FileDetail } from './types'

export function HouseholdCard({ d }: { d: FileDetail }) {
  return (
    <View className='wu-card'>
      <Text className='sb-section'>家庭成员</Text>
      <View className='sb-table household-table'>
        <View className='sb-tr sb-th'>
          <Text className='sb-td'>关系</Text>
          <Text className='sb-td sb-td-num'>月收入</Text>
        </View>
        {d.household.map((m, i) => (
          <View key={i} className='sb-tr'>
            <Text className='sb-td'>{RELATION_LABELS[m.relation]}</Text>
            <Text className='sb-td sb-td-num'>¥{yuan(m.monthlyIncomeFen)}</Text>
          </View>
        ))}
      </View>
      <Text className='sb-label'>困难情形</Text>
      {d.conditions.length ? <ConditionChips conditions={d.conditions} /> : <Text className='sb-hint'>无</Text>}
    </View>
  )
}

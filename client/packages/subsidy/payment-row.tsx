// One relief payment: programme, amount (struck through once reversed), and a line of when and what else.
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { yuan } from '../../../types/subsidy-labels'

type Props = { name: string; amountFen: number; status: 'paid' | 'reversed'; children: ReactNode }

export function PaymentRow({ name, amountFen, status, children }: Props) {
  return (
    <View className={`sb-payment payment payment-${status}`}>
      <View className='sb-row'>
        <Text className='sb-payment-name'>{name}</Text>
        <Text className={`sb-payment-amount ${status === 'reversed' ? 'sb-struck' : ''}`}>¥{yuan(amountFen)}</Text>
      </View>
      <Text className='sb-meta'>{children}</Text>
    </View>
  )
}

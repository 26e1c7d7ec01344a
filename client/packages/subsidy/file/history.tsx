// What has happened to a file: the payments made (reversed ones struck through) and its applications.
import { View, Text } from '@tarojs/components'
import { APPLICATION_STATUS_LABELS, CATEGORY_LABELS } from '../../../../types/subsidy-labels'
import { dateText } from '../shared'
import { PaymentRow } from '../payment-row'
import type { FileDetail } from './types'

export function PaymentsCard({ d }: { d: FileDetail }) {
  return (
    <View className='wu-card'>
      <Text className='sb-section'>发放记录</Text>
      {d.payments.length === 0 ? <Text className='sb-hint'>还没有发放记录</Text> : null}
      {d.payments.map((p) => (
        <PaymentRow key={p.paymentId} {...p}>
          {dateText(p.at)}
          {p.status === 'reversed' ? ' · 已冲正' : ''}
          {p.orderId ? ` · 商城订单 ${p.orderId}` : ''}
          {p.note ? ` · ${p.note}` : ''}
        </PaymentRow>
      ))}
    </View>
  )
}

export function ApplicationsCard({ d }: { d: FileDetail }) {
  if (!d.applications.length) return null
  return (
    <View className='wu-card'>
      <Text className='sb-section'>申请记录</Text>
      {d.applications.map((a) => (
        <View key={a.applicationId} className='sb-row sb-app-row'>
          <Text className='sb-meta'>
            {dateText(a.submittedAt)} · {CATEGORY_LABELS[a.category]}
          </Text>
          <Text className={`sb-status status-${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
        </View>
      ))}
    </View>
  )
}

// The top of a hardship file: who, which category, its number and state, and what needs attention.
import { View, Text } from '@tarojs/components'
import { CATEGORY_LABELS, FILE_KIND_LABELS, FILE_STATUS_LABELS, yuan } from '../../../../types/subsidy-labels'
import { dateText } from '../shared'
import type { FileDetail } from './types'

export function FileHead({ d }: { d: FileDetail }) {
  const active = d.status === 'active'
  return (
    <View className='wu-card file-head'>
      <View className='sb-row'>
        <Text className='sb-name name'>{d.memberName}</Text>
        <Text className={`sb-tag category-${d.category}`}>{CATEGORY_LABELS[d.category]}</Text>
      </View>
      <Text className='sb-meta'>
        档案号 {d.fileNo} · {FILE_KIND_LABELS[d.kind]} · <Text className='file-status'>{FILE_STATUS_LABELS[d.status]}</Text>
      </Text>
      <Text className='sb-meta'>
        {d.unionName} · {d.phoneMasked}
      </Text>
      <Text className='sb-meta'>
        信息更新于 {dateText(d.dataAsOf)} · 累计帮扶 ¥{yuan(d.paidTotalFen)}
      </Text>
      <View className='sb-badges'>
        {d.stale ? <Text className='sb-badge badge-stale'>一年未更新，请回访核实</Text> : null}
        {d.atRisk ? <Text className='sb-badge sb-badge-risk badge-risk'>返困风险{d.riskReason ? `：${d.riskReason}` : ''}</Text> : null}
        {active && d.paidTotalFen === 0 ? <Text className='sb-badge badge-never'>未帮扶</Text> : null}
      </View>
      {d.recheckNote ? <Text className='sb-note recheck-note'>{d.recheckNote}</Text> : null}
      {d.status === 'archived' ? (
        <Text className='sb-note archived-note'>
          {d.archivedAt ? `${dateText(d.archivedAt)} ` : ''}解困归档{d.archiveReason ? `：${d.archiveReason}` : ''}
        </Text>
      ) : null}
    </View>
  )
}

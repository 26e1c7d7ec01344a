// One station in the staff list: what it is, and 编辑 / 关闭 (with a reason asked inline) / 重新开放.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { StationListItem } from '../../../../types/station'
import { STATION_KIND_LABELS } from '../../../../types/station-labels'
import { url } from '../../../services/routes'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Field, inputA11y } from '../../../components/ui/field'
import { closeReasonProblem } from './form-rules'

export interface RowProps {
  item: StationListItem
  busy: string | null
  onEdit: (id: string) => void
  onClose: (id: string, reason: string) => Promise<boolean>
  onReopen: (item: StationListItem) => void
}

export function StationRow({ item, busy, onEdit, onClose, onReopen }: RowProps) {
  const [closing, setClosing] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const closed = item.status === 'closed'

  const confirmClose = async () => {
    const p = closeReasonProblem(reason)
    setProblem(p)
    if (p) return
    if (await onClose(item.id, reason.trim())) setClosing(false)
  }

  return (
    <View className={`manage-row admin-item admin-${item.status}`} data-id={item.id}>
      <View className='manage-row-head'>
        <Text className='manage-name admin-name'>{item.name}</Text>
        {closed ? <Text className='admin-tag admin-tag-closed'>已关闭</Text> : null}
      </View>
      <Text className='manage-meta'>
        {STATION_KIND_LABELS[item.kind]} · {item.district} · {item.unionName}
      </Text>
      <Text className='manage-meta'>{item.address}</Text>
      {closed && item.closedReason ? <Text className='manage-meta admin-reason'>关闭原因：{item.closedReason}</Text> : null}
      {closing ? (
        <View className='admin-close-form'>
          <Field label='关闭原因' error={problem} errorClass='admin-close-error'>
            <Input className='wu-input admin-close-reason' value={reason} maxlength={200} placeholder='如：场地到期、装修暂停' onInput={(e) => setReason(e.detail.value)} {...inputA11y(`${item.name}的关闭原因`, problem)} />
          </Field>
          <View className='admin-actions'>
            <Btn kind='danger' size='sm' className='admin-close-confirm' loading={busy === `close-${item.id}`} disabled={!!busy} onClick={() => void confirmClose()}>
              确认关闭
            </Btn>
            <Btn kind='plain' size='sm' className='admin-close-cancel' onClick={() => setClosing(false)}>
              取消
            </Btn>
          </View>
        </View>
      ) : (
        <View className='admin-actions'>
          <LinkButton className='admin-edit' label={`编辑${item.name}`} onClick={() => onEdit(item.id)}>
            编辑
          </LinkButton>
          {closed ? (
            <LinkButton className='admin-reopen' label={`重新开放${item.name}`} onClick={() => onReopen(item)}>
              重新开放
            </LinkButton>
          ) : (
            <LinkButton className='admin-close' label={`关闭${item.name}`} onClick={() => setClosing(true)}>
              关闭
            </LinkButton>
          )}
          <LinkButton className='admin-detail' label={`查看${item.name}详情`} onClick={() => Taro.navigateTo({ url: url('stations/detail', { id: item.id }) })}>
            详情 ›
          </LinkButton>
        </View>
      )}
    </View>
  )
}

// A file's life cycle: a temporary file becomes formal once the hardship proves lasting; a household out
// of difficulty is archived (解困归档) with a reason, and stays under watch for falling back.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { textProblem } from '../../../../types/text-rules'
import { ARCHIVE_REASON } from '../../../../types/subsidy-fields'
import { alertModal } from '../shared'
import type { SectionProps } from './types'
import { Btn } from '../../../components/ui/button'
import { inputA11y } from '../../../components/ui/field'

export function FileActions({ d, busy, run, onDone }: SectionProps) {
  const [archiving, setArchiving] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  const formalize = () =>
    run('formalize', async () => {
      const ok = await Taro.showModal({ title: '转为正式档案', content: '临时困难已核实为长期困难，转为正式档案后按正式档案管理和帮扶。确定吗？' })
      if (!ok.confirm) return
      try {
        await api.subsidy.formalize({ fileId: d.fileId })
        Taro.showToast({ title: '已转为正式档案', icon: 'success' })
        await onDone()
      } catch (e) {
        await alertModal('操作失败', errorText(e))
      }
    })

  const archive = () =>
    run('archive', async () => {
      const problem = textProblem(ARCHIVE_REASON, reason)
      setReasonError(problem)
      if (problem) return
      const ok = await Taro.showModal({ title: '解困归档', content: '归档后不再按困难职工帮扶，但仍会纳入返困监测。确定吗？' })
      if (!ok.confirm) return
      try {
        await api.subsidy.archive({ fileId: d.fileId, reason: reason.trim() })
        Taro.showToast({ title: '已归档', icon: 'success' })
        setArchiving(false)
        setReason('')
        await onDone()
      } catch (e) {
        if (e instanceof ApiCallError && e.fields?.reason) setReasonError(e.fields.reason)
        else await alertModal('操作失败', errorText(e))
      }
    })

  return (
    <View className='wu-card file-actions'>
      {d.kind === 'temporary' ? (
        <Btn kind='secondary' className='sb-secondary formalize-button' disabled={!!busy} loading={busy === 'formalize'} onClick={formalize}>
          转为正式档案
        </Btn>
      ) : null}
      {archiving ? (
        <View className='sb-reject-box'>
          <Input {...inputA11y('归档原因（必填）', reasonError)} className={`wu-input sb-input archive-reason ${reasonError ? 'wu-input-bad sb-input-bad' : ''}`} value={reason} maxlength={200} placeholder='归档原因（必填），如：家庭收入已稳定高于标准' onInput={(e) => setReason(e.detail.value)} />
          {reasonError ? <Text className='sb-error'>{reasonError}</Text> : null}
          <View className='sb-actions'>
            <Btn kind='plain'
              className='sb-plain'
              onClick={() => {
                setArchiving(false)
                setReasonError(null)
              }}
            >
              取消
            </Btn>
            <Btn kind='danger' className='sb-danger archive-confirm' disabled={!!busy} loading={busy === 'archive'} onClick={archive}>
              确认归档
            </Btn>
          </View>
        </View>
      ) : (
        <Btn kind='secondary' className='sb-secondary archive-button' disabled={!!busy} onClick={() => setArchiving(true)}>
          解困归档
        </Btn>
      )}
    </View>
  )
}

// 困难职工公示: applications in public notice under the member's union, names masked, no incomes.
// A member who knows something the union should check can say so once per application, in confidence.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText } from '../../../services/errors'
import type { ActionOutput } from '../../../../types/contract'
import { CATEGORY_LABELS } from '../../../../types/subsidy-labels'
import { OBJECTION } from '../../../../types/subsidy-fields'
import { textProblem } from '../../../../types/text-rules'
import { usePageQuery } from '../../../hooks/page-query'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { timeText } from '../shared'
import '../subsidy.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { inputA11y } from '../../../components/ui/field'

type Notice = ActionOutput<'subsidy', 'notices'>['items'][number]

export default function SubsidyNotices() {
  const page = usePageQuery(() => api.subsidy.notices({}), { login: 'required' })
  const items = page.data?.items
  const load = page.reload
  const [open, setOpen] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async (n: Notice) => {
    if (busy) return
    const t = text.trim()
    const problem = textProblem(OBJECTION, t)
    if (problem) return setFieldError(problem)
    setBusy(true)
    setFieldError(null)
    try {
      await api.subsidy.object({ applicationId: n.applicationId, text: t })
      setOpen(null)
      setText('')
      Taro.showToast({ title: '已提交，工会将核实', icon: 'success' })
      await load()
    } catch (e) {
      if (e instanceof ApiCallError && e.fields?.text) setFieldError(e.fields.text)
      else Taro.showModal({ title: '提交失败', content: errorText(e), showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  if (page.error)
    return (
      <Screen className='wu-page sb-page notices-page'>
        <ErrorBlock message={page.error.message} onRetry={load} />
      </Screen>
    )
  if (!items)
    return (
      <Screen className='wu-page sb-page notices-page'>
        <Loading />
      </Screen>
    )
  return (
    <Screen className='wu-page sb-page notices-page'>
      <Text className='sb-note'>以下职工的困难帮扶申请正在公示。如您了解与申请不符的情况，可在公示期内向工会反映，工会将保密并核实。</Text>
      {items.length === 0 ? <Empty text='目前没有正在公示的申请' /> : null}
      {items.map((n) => (
        <View key={n.applicationId} className='wu-card notice-item'>
          <View className='sb-row'>
            <Text className='sb-name notice-name'>{n.name}</Text>
            <Text className={`sb-tag category-${n.category}`}>{CATEGORY_LABELS[n.category]}</Text>
          </View>
          <Text className='sb-meta'>{n.unionName}</Text>
          <Text className='sb-meta'>公示至 {timeText(n.noticeEndsAt)}</Text>
          {n.mine ? (
            <Text className='sb-meta notice-mine'>这是您本人的申请</Text>
          ) : n.objected ? (
            <Text className='sb-meta notice-objected'>您已反映过情况，工会将在建档前核实</Text>
          ) : open === n.applicationId ? (
            <View className='sb-reject-box'>
              <Textarea
                className={`wu-textarea sb-input notice-text ${fieldError ? 'wu-input-bad sb-input-bad' : ''}`}
                {...inputA11y('您了解的具体情况', fieldError)}
                value={text}
                maxlength={500}
                placeholder='请写明您了解的具体情况（至少10个字），工会将保密处理'
                onInput={(e) => setText(e.detail.value)}
              />
              {fieldError ? <Text className='sb-error notice-error'>{fieldError}</Text> : null}
              <View className='sb-row'>
                <Btn kind='secondary' className='sb-secondary' onClick={() => setOpen(null)}>
                  取消
                </Btn>
                <Btn className='sb-primary notice-send' loading={busy} disabled={busy} onClick={() => void send(n)}>
                  提交
                </Btn>
              </View>
            </View>
          ) : (
            <Btn kind='secondary'
              className='sb-secondary notice-object'
              onClick={() => {
                setOpen(n.applicationId)
                setText('')
                setFieldError(null)
              }}
            >
              反映情况
            </Btn>
          )}
        </View>
      ))}
    </Screen>
  )
}

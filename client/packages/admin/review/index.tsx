import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText, STAFF_ONLY } from '../../../services/errors'
import { OCCUPATION_TEXT, minuteText } from '../../../services/labels'
import type { PendingItem } from '../../../../types/member'
import { usePageQuery } from '../../../hooks/page-query'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import '../admin.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'

export default function Review() {
  const page = usePageQuery(() => api.member.pending({ limit: 100 }), { login: 'required', forbidden: STAFF_ONLY })
  const items = page.data?.items ?? null
  const total = page.data?.total ?? 0
  const load = page.reload
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const decide = async (item: PendingItem, approve: boolean) => {
    const reason = (reasons[item.memberId] ?? '').trim()
    if (!approve && !reason) {
      setRejecting(item.memberId)
      setReasonError('请填写不通过的原因，申请人会看到这条说明')
      return
    }
    setBusy(item.memberId)
    setReasonError(null)
    try {
      const r = await api.member.review({ memberId: item.memberId, approve, ...(!approve ? { reason } : {}) })
      Taro.showToast({ title: approve ? (r.cardNo ? '已通过，已发卡' : '已通过') : '已退回申请', icon: approve ? 'success' : 'none' })
      setRejecting(null)
    } catch (e) {
      const fieldMsg = e instanceof ApiCallError ? e.fields?.reason : undefined
      if (fieldMsg) {
        setRejecting(item.memberId)
        setReasonError(fieldMsg)
      } else await Taro.showModal({ title: '操作失败', content: errorText(e, STAFF_ONLY), showCancel: false })
    } finally {
      setBusy(null)
      await load()
    }
  }

  if (page.error)
    return page.error.code === 'FORBIDDEN' ? (
      <View className='wu-page admin'>
        <Forbidden hint='您的账号没有审核权限。如您是工会工作人员，请联系上级工会开通。' />
      </View>
    ) : (
      <ErrorBlock message={page.error.message} onRetry={load} />
    )
  if (!items)
    return (
      <Screen className='wu-page admin'>
        <Loading text='正在加载待审核申请…' />
      </Screen>
    )
  if (!items.length)
    return (
      <Screen className='wu-page admin'>
        <Empty text='暂无待审核申请' action='刷新' onAction={load} />
      </Screen>
    )

  return (
    <Screen className='wu-page admin review'>
      <Text className='count'>待审核 {total} 条{total > items.length ? `（显示前 ${items.length} 条）` : ''}</Text>
      {items.map((i) => {
        const open = rejecting === i.memberId
        const disabled = busy === i.memberId
        return (
          <View key={`${i.kind}-${i.memberId}`} className={`wu-card review-item review-${i.kind}`}>
            <View className='item-head'>
              <Text className={`badge ${i.kind === 'transfer' ? 'badge-transfer' : ''}`}>{i.kind === 'transfer' ? '转入' : '新入会'}</Text>
              <Text className='name'>{i.name}</Text>
            </View>
            <Text className='line'>身份证：{i.idNumberMasked}</Text>
            <Text className='line'>手机：{i.phoneMasked}</Text>
            <Text className='line'>
              职业：{OCCUPATION_TEXT[i.occupation]}
              {i.employer ? ` · ${i.employer}` : ''}
            </Text>
            <Text className='line'>
              {i.kind === 'transfer' ? '转入' : '申请加入'}：{i.unionName}
            </Text>
            {i.fromUnionName ? <Text className='line'>原工会：{i.fromUnionName}</Text> : null}
            <Text className='line line-muted'>提交时间：{minuteText(i.submittedAt)}</Text>
            {i.claimsHeldId ? (
              <Text className='line claim-warning'>⚠ 该身份证号已有会员卡。请当面核实身份：如是本人更换了微信，请先在原卡所在工会注销原卡；否则请选择不通过。</Text>
            ) : null}
            {open ? (
              <View className='reject-box'>
                <Input
                  className={`reason ${reasonError ? 'reason-bad' : ''}`}
                  placeholder='不通过的原因（必填），如：信息与身份证不符'
                  maxlength={200}
                  value={reasons[i.memberId] ?? ''}
                  focus
                  onInput={(e) => {
                    const value = e.detail.value
                    setReasons((r) => ({ ...r, [i.memberId]: value }))
                    if (value.trim()) setReasonError(null)
                  }}
                />
                {reasonError ? <Text className='reason-error'>{reasonError}</Text> : null}
                <View className='actions'>
                  <Btn kind='secondary' className='secondary-small' disabled={disabled} onClick={() => (setRejecting(null), setReasonError(null))}>
                    取消
                  </Btn>
                  <Btn className='reject reject-confirm' disabled={disabled} loading={disabled} onClick={() => decide(i, false)}>
                    确认不通过
                  </Btn>
                </View>
              </View>
            ) : (
              <View className='actions'>
                {i.claimsHeldId ? null : (
                  <Btn className='approve approve-button' disabled={disabled} loading={disabled} onClick={() => decide(i, true)}>
                    通过
                  </Btn>
                )}
                <Btn
                  className='reject reject-button'
                  disabled={disabled}
                  onClick={() => {
                    setRejecting(i.memberId)
                    setReasonError(null)
                  }}
                >
                  不通过
                </Btn>
              </View>
            )}
          </View>
        )
      })}
    </Screen>
  )
}

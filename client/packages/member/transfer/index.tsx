import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { backOrRedirect } from '../../../services/nav'
import { url } from '../../../services/routes'
import { minuteText } from '../../../services/labels'
import type { UnionSummary } from '../../../../types/union'
import { usePageQuery } from '../../../hooks/page-query'
import { UnionPicker } from '../union-picker'
import { ErrorBlock, Loading } from '../../../components/states'
import '../member.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { a11y } from '../../../components/ui/a11y'

export default function Transfer() {
  const page = usePageQuery(() => api.member.myCard({}), { login: 'required' })
  const [picked, setPicked] = useState<UnionSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (!picked || busy) return
    setBusy(true)
    setError(null)
    try {
      const r = await api.member.transfer({ toUnionId: picked.id })
      await Taro.showModal({ title: '转会申请已提交', content: `${r.toUnionName}审核通过后，您的会员卡将转入新工会。审核期间原会员卡照常使用。`, showCancel: false })
      backOrRedirect(url('card'))
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  if (page.error && page.error.code !== 'NOT_FOUND')
    return (
      <Screen className='wu-page form transfer'>
        <ErrorBlock message={page.error.message} onRetry={page.reload} />
      </Screen>
    )
  if (page.error)
    return (
      <Screen className='wu-page form'>
        <View className='wu-card'>
          <Text className='section-title'>您还没有加入工会</Text>
          <Text className='consent-text'>转会是把已有的会员关系转到新工会。请先申请入会。</Text>
          <Btn className='primary' onClick={() => Taro.redirectTo({ url: url('member/register') })}>
            立即入会
          </Btn>
        </View>
      </Screen>
    )

  if (!page.data)
    return (
      <Screen className='wu-page form transfer'>
        <Loading />
      </Screen>
    )
  const c = page.data
  return (
    <Screen className='wu-page form transfer'>
      {error ? (
        <View className='top-error transfer-error' {...a11y({ role: 'alert' })}>
          <Text className='top-error-text'>{error}</Text>
        </View>
      ) : null}
      <View className='wu-card'>
        <Text className='section-title'>当前所属工会</Text>
        <Text className='current-union'>{c.unionName}</Text>
      </View>
      {c.pendingTransfer ? (
        <View className='wu-card pending-transfer'>
          <Text className='section-title'>转会申请审核中</Text>
          <Text className='consent-text'>
            转入：{c.pendingTransfer.toUnionName}
            {'\n'}提交时间：{minuteText(c.pendingTransfer.requestedAt)}
          </Text>
          <Text className='hint'>审核通过后会员卡自动转入新工会，请耐心等待。</Text>
        </View>
      ) : c.status !== 'active' ? (
        <View className='wu-card'>
          <Text className='section-title'>暂时不能转会</Text>
          <Text className='consent-text'>会员卡审核通过并生效后才能申请转会。</Text>
        </View>
      ) : (
        <>
          <View className='wu-card'>
            <Text className='section-title'>转入的工会</Text>
            <Text className='hint'>换工作后，可将会员关系转到新单位或新行业的工会，转入工会审核通过后生效。</Text>
            <UnionPicker picked={picked} onPick={setPicked} excludeId={c.unionId} placeholder='输入新单位或工会名称搜索' />
          </View>
          <Btn className='primary transfer-submit' disabled={!picked || busy} loading={busy} onClick={submit}>
            提交转会申请
          </Btn>
        </>
      )}
    </Screen>
  )
}

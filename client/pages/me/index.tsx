import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { currentUser, ensureLogin, hasSession, logout } from '../../services/session'
import { platformIdentity } from '../../services/transport'
import { CARD_STATUS_TEXT, ROLE_TEXT } from '../../services/labels'
import { url, type PageName } from '../../services/routes'
import type { Me } from '../../../types/auth'
import type { CardView } from '../../../types/member'
import { readCard } from '../index/greeting'
import './index.css'
import { Btn } from '../../components/ui/button'
import { Screen } from '../../components/ui/screen'
import { CheckRow } from '../../components/ui/choice'
import { useElder } from '../../hooks/elder'

/** `card`: null when they have none, undefined when it could not be read. */
type State = { kind: 'loading' } | { kind: 'out' } | { kind: 'offline' } | { kind: 'in'; me: Me; card: CardView | null | undefined }

/** Who is signed in, in words: the name and union from the card, never the account id. */
function Account({ state }: { state: State }) {
  if (state.kind === 'loading') return <Text className='me-value'>加载中…</Text>
  if (state.kind === 'offline') return <Text className='me-value'>网络不太好，暂时无法读取账号</Text>
  if (state.kind === 'out') return <Text className='me-value me-name'>未登录</Text>
  const { me, card } = state
  const roles = me.roles.length ? me.roles.map((r) => ROLE_TEXT[r] ?? r).join('、') : '尚未入会'
  return (
    <>
      <Text className='me-label'>姓名</Text>
      <Text className='me-value me-name'>{card ? card.name : card === undefined ? '暂时无法读取' : me.roles.length ? ROLE_TEXT[me.roles[0]] : '新用户'}</Text>
      {card ? (
        <>
          <Text className='me-label'>所属工会</Text>
          <Text className='me-value me-union'>{card.unionName}</Text>
          <Text className='me-label'>会员卡</Text>
          <Text className='me-value me-card-status'>{card.cardNo ? `${CARD_STATUS_TEXT[card.status]} · ${card.cardNo}` : CARD_STATUS_TEXT[card.status]}</Text>
        </>
      ) : null}
      <Text className='me-label'>身份</Text>
      <Text className='me-value me-roles'>{card && card.status !== 'active' && !me.roles.length ? `入会申请${CARD_STATUS_TEXT[card.status]}` : roles}</Text>
    </>
  )
}

export default function MePage() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  // Inside WeChat the member is signed in silently; on H5 the page offers the login page instead.
  const load = () =>
    (process.env.TARO_ENV === 'weapp' ? ensureLogin() : currentUser(true))
      .catch(() => null)
      .then(async (me) => setState(me ? { kind: 'in', me, card: await readCard(me) } : hasSession() ? { kind: 'offline' } : { kind: 'out' }))
  useDidShow(() => void load())

  const elder = useElder()
  const go = (to: PageName) => Taro.navigateTo({ url: url(to) })
  const newcomer = state.kind === 'in' && state.card === null && !state.me.roles.length
  return (
    <Screen className='wu-page me'>
      <View className='wu-card me-card'>
        <Account state={state} />
      </View>
      {/* 长辈版 in settings (MIIT): the same choice as on the home page. */}
      <CheckRow className='wu-card me-elder' checked={elder.on} onChange={elder.set}>
        <Text className='me-elder-title'>长辈版</Text>
        <Text className='me-elder-text'>字更大、按钮更大、颜色更清楚</Text>
      </CheckRow>
      {newcomer ? (
        <Btn className='me-button me-join' onClick={() => go('member/register')}>
          申请入会，领取电子会员卡
        </Btn>
      ) : null}
      {state.kind === 'offline' ? (
        <Btn kind='plain' className='me-button' onClick={load}>
          重试
        </Btn>
      ) : null}
      <Btn kind='plain' className='me-button' onClick={() => go('card')}>
        我的会员卡
      </Btn>
      <Btn kind='plain' className='me-button' onClick={() => go('campaign/claims')}>
        我的活动
      </Btn>
      <Btn kind='plain' className='me-button' onClick={() => go('member/transfer')}>
        转会（更换所属工会）
      </Btn>
      <Btn kind='plain' className='me-button me-messages' onClick={() => go('member/messages')}>
        我的消息
      </Btn>
      {process.env.TARO_ENV === 'weapp' ? (
        <Btn kind='plain' className='me-button me-scan-login' onClick={() => go('member/scan-login')}>
          扫码登录电脑版
        </Btn>
      ) : null}
      <Btn kind='plain' className='me-button me-privacy' onClick={() => go('member/privacy')}>
        隐私政策
      </Btn>
      {state.kind === 'out' ? (
        <Btn className='me-button me-login' onClick={() => go('login')}>
          登录
        </Btn>
      ) : state.kind !== 'loading' && !platformIdentity ? (
        <Btn
          kind='secondary'
          className='me-button me-logout'
          onClick={() => {
            logout()
            Taro.reLaunch({ url: url('login') })
          }}
        >
          退出登录
        </Btn>
      ) : null}
    </Screen>
  )
}

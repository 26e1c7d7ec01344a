import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { currentUser, ensureLogin, hasSession, logout } from '../../services/session'
import { platformIdentity } from '../../services/transport'
import { ROLE_TEXT } from '../../services/labels'
import { url, type PageName } from '../../services/routes'
import type { Me } from '../../../types/auth'
import './index.css'

type State = { kind: 'loading' } | { kind: 'out' } | { kind: 'offline' } | { kind: 'in'; me: Me }

export default function MePage() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  // Inside WeChat the member is signed in silently; on H5 the page offers the login page instead.
  const load = () =>
    (process.env.TARO_ENV === 'weapp' ? ensureLogin() : currentUser(true))
      .catch(() => null)
      .then((me) => setState(me ? { kind: 'in', me } : hasSession() ? { kind: 'offline' } : { kind: 'out' }))
  useDidShow(() => void load())

  const go = (to: PageName) => Taro.navigateTo({ url: url(to) })
  const me = state.kind === 'in' ? state.me : null
  return (
    <View className='wu-page me'>
      <View className='wu-card me-card'>
        <Text className='me-label'>账号</Text>
        <Text className='me-value me-openid'>
          {state.kind === 'loading' ? '加载中…' : state.kind === 'offline' ? '网络不太好，暂时无法读取账号' : me ? me.openid : '未登录'}
        </Text>
        <Text className='me-label'>身份</Text>
        <Text className='me-value me-roles'>{me ? (me.roles.length ? me.roles.map((r) => ROLE_TEXT[r] ?? r).join('、') : '尚未入会') : '—'}</Text>
      </View>
      {state.kind === 'offline' ? (
        <Button className='me-button' onClick={load}>
          重试
        </Button>
      ) : null}
      <Button className='me-button' onClick={() => go('card')}>
        我的会员卡
      </Button>
      <Button className='me-button' onClick={() => go('campaign/claims')}>
        我的活动
      </Button>
      <Button className='me-button' onClick={() => go('member/transfer')}>
        转会（更换所属工会）
      </Button>
      <Button className='me-button me-messages' onClick={() => go('member/messages')}>
        我的消息
      </Button>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className='me-button me-scan-login' onClick={() => go('member/scan-login')}>
          扫码登录电脑版
        </Button>
      ) : null}
      <Button className='me-button me-privacy' onClick={() => go('member/privacy')}>
        隐私政策
      </Button>
      {state.kind === 'out' ? (
        <Button className='me-button me-login' onClick={() => go('login')}>
          登录
        </Button>
      ) : state.kind !== 'loading' && !platformIdentity ? (
        <Button
          className='me-button me-logout'
          onClick={() => {
            logout()
            Taro.reLaunch({ url: url('login') })
          }}
        >
          退出登录
        </Button>
      ) : null}
    </View>
  )
}

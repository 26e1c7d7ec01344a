// 扫码登录电脑版 (weapp): scan the QR on the desktop console, see which desktop is asking, and confirm.
// The desktop then signs in as this account; nothing happens until 确认登录 is tapped.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { ensureLogin } from '../../../services/session'
import { LOGIN_QR_PREFIX } from '../../../../types/auth-fields'
import '../member.css'
import './index.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'

type Desktop = { browser: string; address: string; requestedAt: string }
type State = { kind: 'idle' } | { kind: 'seen'; challenge: string; desktop: Desktop } | { kind: 'done' } | { kind: 'error'; message: string }

export default function ScanLogin() {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [busy, setBusy] = useState(false)

  const scan = async () => {
    const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(() => null)
    if (!r) return
    if (!r.result.startsWith(LOGIN_QR_PREFIX)) return setState({ kind: 'error', message: '这不是暖心工会电脑版的登录二维码' })
    const challenge = r.result.slice(LOGIN_QR_PREFIX.length)
    try {
      if (!(await ensureLogin())) return
      const seen = await api.auth.scanQr({ challenge })
      setState({ kind: 'seen', challenge, desktop: seen.desktop })
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) })
    }
  }

  const confirm = async (challenge: string) => {
    if (busy) return
    setBusy(true)
    try {
      await api.auth.confirmQr({ challenge })
      setState({ kind: 'done' })
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className='wu-page scan-login'>
      {state.kind === 'seen' ? (
        <View className='wu-card scan-desktop'>
          <Text className='scan-title'>确认在电脑上登录？</Text>
          <Text className='scan-line'>设备：{state.desktop.browser}</Text>
          <Text className='scan-line'>网络地址：{state.desktop.address}</Text>
          <Text className='scan-line'>发起时间：{new Date(state.desktop.requestedAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}</Text>
          <Text className='scan-warn'>如果不是您本人在电脑前操作，请点“取消”。</Text>
          <Btn className='scan-confirm' loading={busy} onClick={() => confirm(state.challenge)}>
            确认登录
          </Btn>
          <Btn className='scan-cancel' onClick={() => setState({ kind: 'idle' })}>
            取消
          </Btn>
        </View>
      ) : state.kind === 'done' ? (
        <View className='wu-card scan-done'>
          <Text className='scan-title'>已确认，电脑上正在登录</Text>
          <Btn className='scan-cancel' onClick={() => Taro.navigateBack().catch(() => undefined)}>
            返回
          </Btn>
        </View>
      ) : (
        <View className='wu-card'>
          <Text className='scan-line'>在电脑浏览器打开暖心工会工作台，用手机扫描页面上的二维码即可登录，无需输入密码。</Text>
          {state.kind === 'error' ? <Text className='scan-error'>{state.message}</Text> : null}
          <Btn className='scan-confirm scan-start' onClick={scan}>
            扫一扫
          </Btn>
        </View>
      )}
    </Screen>
  )
}

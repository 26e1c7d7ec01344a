// 扫码登录 (desktop, H5): a one-time QR; staff scan it with the mini-program (我的 → 扫码登录电脑版) and
// confirm on the phone; this page polls and, once confirmed, keeps the session and opens the console.
import { useEffect, useRef, useState } from 'react'
import Taro, { useUnload } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api, setToken } from '../../../services/api'
import { currentUser } from '../../../services/session'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { CardQr } from '../../../components/card-qr'
import './index.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'

const POLL_MS = 2000

type State = { kind: 'loading' } | { kind: 'showing'; qr: string; scanned: boolean } | { kind: 'expired' } | { kind: 'error'; message: string }

export default function DesktopLogin() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const run = useRef(0)

  const stop = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    run.current++
  }

  const start = async () => {
    stop()
    const mine = run.current
    setState({ kind: 'loading' })
    try {
      const c = await api.auth.loginQr({})
      setState({ kind: 'showing', qr: c.qr, scanned: false })
      const poll = async () => {
        if (mine !== run.current) return
        try {
          const r = await api.auth.pollQr({ challenge: c.challenge, pollKey: c.pollKey })
          if (mine !== run.current) return
          if (r.status === 'confirmed' && r.token) {
            setToken(r.token)
            await currentUser(true)
            return void Taro.reLaunch({ url: url('console/index') })
          }
          if (r.status === 'expired') return setState({ kind: 'expired' })
          if (r.status === 'scanned') setState({ kind: 'showing', qr: c.qr, scanned: true })
        } catch (e) {
          return setState({ kind: 'error', message: errorText(e) })
        }
        timer.current = setTimeout(poll, POLL_MS)
      }
      timer.current = setTimeout(poll, POLL_MS)
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) })
    }
  }

  useEffect(() => {
    void start()
    return stop
  }, [])
  useUnload(stop)

  return (
    <Screen className='wu-page desktop-login'>
      <View className='wu-card desktop-login-card'>
        <Text className='desktop-login-title'>工会工作台 · 扫码登录</Text>
        {state.kind === 'showing' ? (
          <>
            <CardQr payload={state.qr} className='desktop-login-qr' />
            <Text className='desktop-login-hint'>{state.scanned ? '已扫码，请在手机上点“确认登录”' : '请用微信打开“暖心工会”小程序，在“我的 → 扫码登录电脑版”中扫描二维码'}</Text>
            <Text className='desktop-login-meta'>二维码 2 分钟内有效，仅能使用一次</Text>
          </>
        ) : state.kind === 'loading' ? (
          <Text className='desktop-login-hint'>正在生成二维码…</Text>
        ) : (
          <>
            <Text className='desktop-login-hint'>{state.kind === 'expired' ? '二维码已过期' : state.message}</Text>
            <Btn className='desktop-login-refresh' onClick={() => void start()}>
              刷新二维码
            </Btn>
          </>
        )}
      </View>
    </Screen>
  )
}

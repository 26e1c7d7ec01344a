import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { ApiCallError } from '../../services/api'
import { HOME_PAGE, loginWithCode, weappLogin } from '../../services/session'
import { platformIdentity } from '../../services/transport'
import { url } from '../../services/routes'
import { Screen } from '../../components/ui/screen'
import { Btn, LinkButton } from '../../components/ui/button'
import { inputA11y } from '../../components/ui/field'
import { a11y } from '../../components/ui/a11y'
import './index.css'

// Development logins: outside production the server accepts "dev:<openid>". Never offered in a weapp
// production build, nor over wx.cloud, where WeChat itself says who the caller is.
const DEV_LOGIN = WU_DEV_LOGIN && !platformIdentity
const DEMOS = [
  ['演示会员', 'dev:demo-member', 'demo-member'],
  ['演示工作人员', 'dev:demo-staff', 'demo-staff'],
  ['演示管理员', 'dev:demo-admin', 'demo-admin'],
  ['基层工会工作人员', 'dev:demo-staff-gm', 'demo-staff-gm'],
  ['困难职工会员', 'dev:demo-m-care', 'demo-m-care'],
] as const

const newcomerCode = () => `dev:h5-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

function reason(e: unknown): string {
  if (e instanceof ApiCallError) return e.code === 'VALIDATION_FAILED' ? '登录标识格式不正确，例如 dev:zhangsan' : e.message
  return '登录失败，请检查网络后重试'
}

export default function Login() {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (fn: () => Promise<unknown>) => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await fn()
      Taro.reLaunch({ url: HOME_PAGE })
    } catch (e) {
      setError(reason(e))
    } finally {
      setBusy(false)
    }
  }

  const withCode = (value: string) => {
    const v = value.trim()
    if (!v) return setError('请输入登录标识，例如 dev:zhangsan')
    void run(() => loginWithCode(v))
  }

  return (
    <Screen className='login'>
      <Text className='login-title' {...a11y({ role: 'heading', level: 2 })}>
        暖心工会
      </Text>
      <Text className='login-sub'>职工之家 · 会员服务</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Btn className='login-primary login-weapp' loading={busy} disabled={busy} onClick={() => run(weappLogin)}>
          微信一键登录
        </Btn>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? (
        <LinkButton className='login-label login-scan' onClick={() => Taro.navigateTo({ url: url('console/login') })}>
          工作人员在电脑上？扫码登录工作台 ›
        </LinkButton>
      ) : null}
      {!DEV_LOGIN && error ? <Text className='login-error' {...a11y({ role: 'alert' })}>{error}</Text> : null}
      {DEV_LOGIN ? (
        <>
          <View className='login-box'>
            <Text className='login-label'>登录标识（测试环境）</Text>
            <Input
              className='wu-input login-code'
              value={code}
              placeholder='dev:你的标识'
              maxlength={128}
              confirmType='go'
              onInput={(e) => setCode(e.detail.value)}
              onConfirm={() => withCode(code)}
              {...inputA11y('登录标识', error)}
            />
            {error ? (
              <Text className='login-error' {...a11y({ role: 'alert' })}>
                {error}
              </Text>
            ) : null}
            <Btn className='login-primary login-submit' loading={busy} disabled={busy} onClick={() => withCode(code)}>
              登录
            </Btn>
          </View>
          <Text className='login-label login-demos-title'>快速体验</Text>
          <View className='login-demos'>
            {DEMOS.map(([label, c, cls]) => (
              <Btn key={c} kind='secondary' size='md' className={`login-demo login-${cls}`} disabled={busy} onClick={() => withCode(c)}>
                {label}
              </Btn>
            ))}
            <Btn kind='secondary' size='md' className='login-demo login-newcomer' disabled={busy} onClick={() => withCode(newcomerCode())}>
              新用户体验
            </Btn>
          </View>
        </>
      ) : null}
    </Screen>
  )
}

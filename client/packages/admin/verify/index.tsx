import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { CARD_STATUS_TEXT, OCCUPATION_TEXT, dayText, minuteText } from '../../../services/labels'
import { errorText, STAFF_ONLY } from '../../../services/errors'
import { CameraScan } from './camera'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import { inputA11y } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'
import '../admin.css'
import './verify.css'

type Verified = Awaited<ReturnType<typeof api.member.verifyCard>>
type Result = { ok: true; data: Verified; at: string } | { ok: false; title: string; message: string; at: string }

const WEAPP = process.env.TARO_ENV === 'weapp'

function failure(e: unknown): { title: string; message: string } {
  if (e instanceof ApiCallError) {
    if (e.code === 'QR_EXPIRED') return { title: '二维码已过期', message: e.message || '请会员刷新会员卡页面后重新出示' }
    if (e.code === 'QR_INVALID') return { title: '无效二维码', message: e.message || '这不是有效的会员卡二维码' }
    if (e.code === 'NOT_FOUND') return { title: '未找到会员卡', message: e.message }
    if (e.code === 'VALIDATION_FAILED') return { title: '无法核验', message: e.fields?.qr ?? e.message }
  }
  return { title: '无法核验', message: errorText(e, STAFF_ONLY) }
}

export default function VerifyCard() {
  const [qr, setQr] = useState('')
  const [result, setResult] = useState<Result | null>(null)
  const [busy, setBusy] = useState(false)

  const verify = async (payload: string) => {
    const v = payload.trim()
    if (!v) {
      setResult({ ok: false, title: '请先扫码', message: WEAPP ? '请点击上方按钮扫描会员卡二维码' : '请打开摄像头扫码，或粘贴会员卡二维码内容', at: new Date().toISOString() })
      return
    }
    setBusy(true)
    setResult(null)
    try {
      setResult({ ok: true, data: await api.member.verifyCard({ qr: v }), at: new Date().toISOString() })
    } catch (e) {
      setResult({ ok: false, ...failure(e), at: new Date().toISOString() })
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // cancelled by the user
    }
    setQr(text)
    await verify(text)
  }

  return (
    <Screen className='wu-page admin verify'>
      <Text className='page-hint'>请会员打开“我的会员卡”，出示二维码</Text>
      {WEAPP ? (
        <Btn className='scan-button' loading={busy} disabled={busy} onClick={scan}>
          扫描会员卡二维码
        </Btn>
      ) : (
        <CameraScan
          busy={busy}
          onCode={(text) => {
            setQr(text)
            void verify(text)
          }}
        />
      )}
      <View className='manual'>
        <Text className='manual-label'>{WEAPP ? '无法扫码时，可粘贴二维码内容' : '摄像头不能用时，可粘贴二维码内容'}</Text>
        <Textarea className='textarea verify-input' value={qr} maxlength={512} placeholder='粘贴会员卡二维码内容' onInput={(e) => setQr(e.detail.value)} {...inputA11y('会员卡二维码内容')} />
        <Btn kind='secondary' size='md' className='verify-submit' loading={busy} disabled={busy} onClick={() => verify(qr)}>
          核验
        </Btn>
      </View>

      {result?.ok ? (
        <View className={`result verify-result ${result.data.valid ? 'result-ok' : 'result-bad'}`} {...a11y({ role: 'status' })}>
          <Text className='result-title'>{result.data.valid ? '✓ 有效' : `✗ 无效：会员卡${CARD_STATUS_TEXT[result.data.status]}`}</Text>
          <Text className='result-name'>{result.data.name}</Text>
          <Text className='line'>卡号：{result.data.cardNo}</Text>
          <Text className='line'>工会：{result.data.unionName}</Text>
          <Text className='line'>职业：{OCCUPATION_TEXT[result.data.occupation]}</Text>
          <Text className='line'>发卡日期：{dayText(result.data.issuedAt)}</Text>
          <Text className='line line-muted'>核验时间：{minuteText(result.at)}</Text>
        </View>
      ) : null}
      {result && !result.ok ? (
        <View className='result verify-result result-bad' {...a11y({ role: 'alert' })}>
          <Text className='result-title'>✗ {result.title}</Text>
          <Text className='line'>{result.message}</Text>
        </View>
      ) : null}
    </Screen>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api } from '../../../services/api'
import { textProblem } from '../../../../types/text-rules'
import { CLAIM_CODE } from '../../../../types/campaign-fields'
import { errorText } from '../../../services/errors'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import { inputA11y } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'
import '../campaign.css'

export default function VerifyClaim() {
  const [code, setCode] = useState('')
  const [result, setResult] = useState<{ ok: boolean; text: string; detail?: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const verify = async (value = code) => {
    const c = value.trim().toUpperCase()
    const problem = textProblem(CLAIM_CODE, c)
    if (problem) return setResult({ ok: false, text: problem })
    setBusy(true)
    try {
      const r = await api.campaign.verifyClaim({ code: c })
      setResult({ ok: true, text: '核销成功，请发放物品', detail: `${r.memberName} · ${r.campaignTitle}` })
      setCode('')
    } catch (e) {
      setResult({ ok: false, text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true })
      setCode(r.result)
      await verify(r.result)
    } catch {
      /* cancelled */
    }
  }

  return (
    <Screen className='wu-page page claim-verify'>
      <View className='wu-card'>
        <Text className='label'>输入会员出示的领取码</Text>
        <Input className='wu-input input verify-code' value={code} maxlength={8} placeholder='8位领取码' onInput={(e) => setCode(e.detail.value)} {...inputA11y('领取码')} />
        <Btn className='primary verify-button' disabled={busy} loading={busy} onClick={() => verify()}>
          核销
        </Btn>
        {process.env.TARO_ENV === 'weapp' ? (
          <Btn kind='secondary' size='md' className='secondary' onClick={scan}>
            扫码核销
          </Btn>
        ) : null}
      </View>
      {result ? (
        <View className='wu-card verify-result' {...a11y({ role: 'alert' })}>
          <Text className={result.ok ? 'result-ok' : 'result-bad'}>{result.text}</Text>
          {result.detail ? <Text className='meta'>{result.detail}</Text> : null}
        </View>
      ) : null}
    </Screen>
  )
}

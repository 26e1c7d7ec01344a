// 困难帮扶自助测算: anyone can check, without signing in, whether their household may qualify and why.
// Nothing is stored: the form lives in this page, and "提交申请" hands it to the application page in memory.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { currentUser } from '../../../services/session'
import { EvaluationCard, ProgrammeList } from '../evaluation-view'
import { HouseholdFields } from '../household-form'
import { buildHousehold, emptyForm, peekDraft, setDraft, type Evaluation, type FieldErrors, type HouseholdForm } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { Btn, LinkButton } from '../../../components/ui/button'
import { reveal } from '../../../components/ui/reveal'
import { a11y } from '../../../components/ui/a11y'
import '../subsidy.css'

export default function SubsidyCheck() {
  // Back from signing in on the way to applying: the numbers typed a moment ago (memory only).
  const [restored] = useState(() => peekDraft())
  const [form, setForm] = useState<HouseholdForm>(() => restored ?? emptyForm())
  const [errors, setErrors] = useState<FieldErrors>({})
  const [result, setResult] = useState<{ ev: Evaluation; form: HouseholdForm } | null>(null)
  const [topError, setTopError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [signedIn, setSignedIn] = useState(false)

  useEffect(() => {
    // Only to show the "我的申请" link: never sends anyone to the login page.
    currentUser()
      .then((u) => setSignedIn(!!u))
      .catch(() => setSignedIn(false))
  }, [])

  const change = (next: HouseholdForm) => {
    setForm(next)
    // A result belongs to the numbers it was computed from: editing asks for a new check.
    if (result) setResult(null)
    if (Object.keys(errors).length) setErrors({})
    setTopError(null)
  }

  const run = async () => {
    if (busy) return
    const { input, errors: local } = buildHousehold(form)
    setErrors(local)
    setTopError(null)
    if (!input) {
      setTopError('请先改正标红的内容')
      return
    }
    setBusy(true)
    try {
      const ev = await api.subsidy.evaluate(input)
      setResult({ ev, form })
      reveal('.check-result')
    } catch (e) {
      if (e instanceof ApiCallError && e.fields) setErrors(e.fields)
      setTopError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const apply = () => {
    if (!result) return
    setDraft(result.form)
    Taro.navigateTo({ url: url('subsidy/apply', { from: 'check' }) })
  }

  return (
    <Screen className='wu-page sb-page subsidy-check'>
      <View className='sb-intro'>
        <Text className='sb-intro-title'>先测一测，能不能申请困难帮扶</Text>
        <Text className='sb-intro-text'>填写家庭成员的月收入和家里的困难情况，马上告诉您结果和理由，以及可以申请的帮扶项目。</Text>
        <Text className='sb-privacy privacy-note'>测算不保存任何信息，不需要登录。</Text>
        {signedIn ? (
          <LinkButton className='sb-link link-mine' onClick={() => Taro.navigateTo({ url: url('subsidy/mine') })}>
            查看我的申请 ›
          </LinkButton>
        ) : null}
      </View>

      {restored ? <Text className='sb-note restored-note'>已带回您刚才填写的内容，请再测算一次后提交申请。</Text> : null}
      <HouseholdFields form={form} onChange={change} errors={errors} />

      {topError ? (
        <Text className='sb-top-error check-error' {...a11y({ role: 'alert' })}>
          {topError}
        </Text>
      ) : null}
      <Btn className='sb-primary check-submit' disabled={busy} loading={busy} onClick={run}>
        测算
      </Btn>

      {result ? (
        <View className='check-outcome'>
          <EvaluationCard ev={result.ev} />
          {result.ev.programmes.length ? (
            <View className='wu-card'>
              <Text className='sb-section'>您可能可以申请</Text>
              <ProgrammeList programmes={result.ev.programmes} />
            </View>
          ) : null}
          {result.ev.category !== 'none' ? (
            <View className='wu-card'>
              <Text className='sb-hint'>提交申请后，由您所在的基层工会核实，再由街道（区）工会审批并公示。测算结果仅供参考，以审核结果为准。需要先办理工会会员卡。</Text>
              <Btn className='sb-primary check-apply' onClick={apply}>
                提交申请
              </Btn>
            </View>
          ) : (
            <View className='wu-card'>
              <Text className='sb-hint'>按目前填写的情况，暂不符合困难职工认定条件。情况有变化（如生病、失业、意外）时可以重新测算；也可以联系您所在的工会咨询。</Text>
            </View>
          )}
        </View>
      ) : null}
    </Screen>
  )
}

import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { ensureLogin } from '../../../services/session'
import { errorCode, errorText } from '../../../services/errors'
import { backOrRedirect } from '../../../services/nav'
import { url } from '../../../services/routes'
import { OCCUPATION_ORDER, OCCUPATION_TEXT } from '../../../services/labels'
import { normalizeIdNumber, normalizePhone } from '../../../../types/idcard'
import type { Occupation } from '../../../../types/member'
import type { UnionSummary } from '../../../../types/union'
import { UnionPicker } from '../union-picker'
import { rememberApplied } from '../../../pages/index/greeting'
import { REQUIRED, fieldProblem, readyToJudge, type Field, type Form } from '../validate'
import '../member.css'
import { askToNotify } from '../../../services/subscribe'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { CheckRow, Chip } from '../../../components/ui/choice'
import { inputA11y } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'

export default function Register() {
  const [form, setForm] = useState<Form>({ name: '', idNumber: '', phone: '', unionId: '', occupation: '', employer: '' })
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<string, string>>>({})
  const [topError, setTopError] = useState<{ message: string; toCard?: boolean } | null>(null)
  const [union, setUnion] = useState<UnionSummary | null>(null)
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void ensureLogin().catch(() => undefined)
  }, [])

  const set = (f: Field, v: string) => {
    setForm((s) => ({ ...s, [f]: v }))
    setServerErrors((e) => ({ ...e, [f]: undefined }))
  }
  const touch = (f: Field) => setTouched((t) => ({ ...t, [f]: true }))
  const errorOf = (f: Field): string | null => serverErrors[f] || (touched[f] || readyToJudge(f, form[f]) ? fieldProblem(f, form[f]) : null)
  const firstProblem = REQUIRED.concat('employer').find((f) => fieldProblem(f, form[f]))

  const submit = async () => {
    if (busy) return
    setTouched({ name: true, idNumber: true, phone: true, unionId: true, occupation: true, employer: true })
    if (firstProblem) {
      setTopError({ message: '请按提示修改标红的内容后再提交' })
      Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
      return
    }
    if (!consent) return setTopError({ message: '请阅读个人信息保护说明并勾选同意' })
    setBusy(true)
    setTopError(null)
    try {
      if (!(await ensureLogin())) return
      const r = await api.member.register({
        name: form.name.trim(),
        idNumber: normalizeIdNumber(form.idNumber),
        phone: normalizePhone(form.phone),
        unionId: form.unionId,
        occupation: form.occupation as Occupation,
        ...(form.employer.trim() ? { employer: form.employer.trim() } : {}),
      })
      rememberApplied(true)
      Taro.showToast({ title: r.status === 'active' ? '入会成功' : '已提交审核', icon: 'success' })
      if (r.status !== 'active') await askToNotify(['card_decided'], '已提交审核。审核结果出来时，通过微信通知您？')
      backOrRedirect(url('card'))
    } catch (e) {
      setTopError({ message: errorText(e), toCard: errorCode(e) === 'ALREADY_REGISTERED' })
      if (e instanceof ApiCallError && e.fields) setServerErrors(e.fields)
      Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
    } finally {
      setBusy(false)
    }
  }

  const input = (f: Field, label: string, props: { placeholder: string; type?: 'text' | 'number' | 'idcard'; maxlength?: number }) => {
    const err = errorOf(f)
    return (
      <View className='field'>
        <Text className='label'>{label}</Text>
        <Input
          className={`wu-input input reg-${f} ${err ? 'wu-input-bad input-bad' : ''}`}
          {...inputA11y(label, err)}
          value={form[f]}
          placeholder={props.placeholder}
          type={props.type ?? 'text'}
          maxlength={props.maxlength ?? 40}
          onInput={(e) => set(f, e.detail.value)}
          onBlur={() => touch(f)}
        />
        {err ? <Text className={`error error-${f}`}>{err}</Text> : null}
      </View>
    )
  }

  return (
    <Screen className='wu-page form register'>
      <Text className='form-title'>加入工会，领取电子会员卡</Text>
      {topError ? (
        <View className='top-error register-error' {...a11y({ role: 'alert' })}>
          <Text className='top-error-text'>{topError.message}</Text>
          {topError.toCard ? (
            <LinkButton className='top-error-link' onClick={() => backOrRedirect(url('card'))}>
              查看我的会员卡 ›
            </LinkButton>
          ) : null}
        </View>
      ) : null}

      <View className='wu-card'>
        <Text className='section-title'>个人信息</Text>
        {input('name', '姓名', { placeholder: '与身份证一致', maxlength: 30 })}
        {input('idNumber', '身份证号', { placeholder: '18位居民身份证号', type: 'idcard', maxlength: 18 })}
        {input('phone', '手机号', { placeholder: '11位手机号', type: 'number', maxlength: 11 })}
      </View>

      <View className='wu-card'>
        <Text className='section-title'>职业</Text>
        <View className='chips' {...a11y({ role: 'group', label: '职业' })}>
          {OCCUPATION_ORDER.map((o) => (
            <Chip key={o} className={`chip occ-${o}`} onClass='chip-on' on={form.occupation === o} onClick={() => set('occupation', o)}>
              {OCCUPATION_TEXT[o]}
            </Chip>
          ))}
        </View>
        {errorOf('occupation') ? <Text className='error error-occupation'>{errorOf('occupation')}</Text> : null}
        {input('employer', '工作单位（选填）', { placeholder: '如：顺丰速运朝阳营业部', maxlength: 60 })}
      </View>

      <View className='wu-card'>
        <Text className='section-title'>所属工会</Text>
        <Text className='hint'>请选择您所在单位或行业的基层工会，如快递行业、物业、楼宇工会；选了职业后，相关的工会排在前面</Text>
        <UnionPicker
          picked={union}
          occupation={(form.occupation || null) as Occupation | null}
          error={errorOf('unionId')}
          onPick={(u) => {
            setUnion(u)
            set('unionId', u.id)
          }}
        />
      </View>

      <View className='wu-card consent'>
        <Text className='section-title'>个人信息保护说明</Text>
        <Text className='consent-text'>
          为办理工会会员卡，我们会收集您的姓名、身份证号和手机号，用于核实身份、确保一人一卡，并在办理会员服务时联系您。
        </Text>
        <Text className='consent-text'>
          身份证号和手机号加密保存，会员卡和工作人员页面上只显示部分号码（如 139****5678）；只有您所在工会及其上级工会的工作人员可以查看您的会员信息，不会用于其他用途。您可以随时联系所在工会查询或更正。
        </Text>
        <CheckRow className='consent-row' checked={consent} onChange={setConsent}>
          <Text className='consent-label'>我已阅读并同意</Text>
        </CheckRow>
      </View>

      <Btn className='primary register-submit' disabled={!consent || busy} loading={busy} onClick={submit}>
        提交入会申请
      </Btn>
      {!consent ? <Text className='hint submit-hint'>勾选“我已阅读并同意”后才能提交</Text> : null}
    </Screen>
  )
}

// 申请困难帮扶: the household (prefilled from the self-check when coming from there), a contact phone,
// supporting documents and the member's consent. One request id per visit, reused on every retry, so a
// retry after a lost answer never files a second application.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker, Image } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { ensureLogin } from '../../../services/session'
import { knownPhone } from '../../../services/known'
import { PHONE_MESSAGES, PHONE_RE, normalizePhone } from '../../../../types/idcard'
import { textProblem } from '../../../../types/text-rules'
import { APPLY_NOTE, MAX_EVIDENCE } from '../../../../types/subsidy-fields'
import { HouseholdFields } from '../household-form'
import { pickImage, uploadFile } from '../../../services/upload'
import { askToNotify, preloadTemplates } from '../../../services/subscribe'
import { PrivacySheet } from '../../../components/privacy-sheet'
import {
  EVIDENCE_KINDS,
  EVIDENCE_KIND_LABELS,
  buildHousehold,
  emptyForm,
  newRequestId,
  clearDraft,
  peekDraft,
  type ApplyInput,
  type EvidenceKind,
  type FieldErrors,
  type HouseholdForm,
} from '../shared'
import '../subsidy.css'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { CheckRow } from '../../../components/ui/choice'
import { imageA11y, inputA11y, PickerValue } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'

/** A row of evidence: its name or number, and the uploaded photo or PDF (`preview`: the local file shown meanwhile). */
type EvidenceRow = { key: string; kind: EvidenceKind; ref: string; note: string; fileId?: string; preview?: string; uploading?: boolean; uploadError?: string }
let evSeq = 0
const newEvidence = (kind: EvidenceKind = 'income'): EvidenceRow => ({ key: `e${++evSeq}`, kind, ref: '', note: '' })


type TopError = { message: string; action?: { label: string; url: string } }

export default function SubsidyApply() {
  const [prefilled] = useState(() => peekDraft())
  const [form, setForm] = useState<HouseholdForm>(() => prefilled ?? emptyForm())
  const [evidence, setEvidence] = useState<EvidenceRow[]>([])
  const [phone, setPhone] = useState('')
  // The phone this phone remembered for deliveries fills the field; else the card's masked number is a hint.
  const [phoneKnown, setPhoneKnown] = useState<{ filled: boolean; masked: string | null }>({ filled: false, masked: null })
  const [note, setNote] = useState('')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [topError, setTopError] = useState<TopError | null>(null)
  const [busy, setBusy] = useState(false)
  // Generated once for this visit; every retry sends the same id.
  const requestId = useRef(newRequestId('ap'))

  useEffect(() => {
    void ensureLogin()
      .then((me) => (me ? knownPhone() : {}))
      .then((k: { phone?: string; phoneMasked?: string }) => {
        if (k.phone) setPhone((p) => p || k.phone!)
        setPhoneKnown({ filled: !!k.phone, masked: k.phoneMasked ?? null })
      })
      .catch(() => undefined)
    preloadTemplates()
  }, [])

  const changeForm = (next: HouseholdForm) => {
    setForm(next)
    setErrors({})
  }
  const setEv = (key: string, patch: Partial<EvidenceRow>) => setEvidence((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)))

  const pickPhoto = async (key: string) => {
    const path = await pickImage()
    if (!path) return // the user cancelled
    setEv(key, { preview: path, uploading: true, uploadError: undefined, fileId: undefined })
    try {
      const up = await uploadFile(path, 'evidence')
      setEvidence((list) => list.map((e) => (e.key === key ? { ...e, fileId: up.fileId, uploading: false, ref: e.ref || `${EVIDENCE_KIND_LABELS[e.kind]}照片` } : e)))
    } catch (e) {
      setEv(key, { uploading: false, uploadError: errorText(e) })
    }
  }

  const validate = (): { data: ApplyInput | null; errors: FieldErrors } => {
    const { input, errors: e } = buildHousehold(form)
    const errs: FieldErrors = { ...e }
    const p = normalizePhone(phone)
    if (!p) errs.phone = '请填写手机号，工会核实时会联系您'
    else if (!PHONE_RE.test(p)) errs.phone = PHONE_MESSAGES.format
    evidence.forEach((ev, i) => {
      if (ev.uploading) errs[`evidence.${i}.ref`] = '照片还在上传，请稍等'
      else if (!ev.ref.trim()) errs[`evidence.${i}.ref`] = '请填写材料名称或编号，或删除这一项'
      else if (ev.ref.trim().length > 300) errs[`evidence.${i}.ref`] = '材料说明太长了'
      if (ev.note.trim().length > 60) errs[`evidence.${i}.note`] = '备注不能超过60字'
    })
    const noteProblem = textProblem(APPLY_NOTE, note)
    if (noteProblem) errs.note = noteProblem
    if (!consent) errs.consent = '请勾选授权工会核实家庭收入信息'
    if (!input || Object.keys(errs).length) return { data: null, errors: errs }
    return {
      data: {
        ...input,
        requestId: requestId.current,
        phone: p,
        evidence: evidence.map((ev) => ({ kind: ev.kind, ref: ev.ref.trim(), ...(ev.note.trim() ? { note: ev.note.trim() } : {}), ...(ev.fileId ? { fileId: ev.fileId } : {}) })),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      errors: {},
    }
  }

  const submit = async () => {
    if (busy) return
    const { data, errors: local } = validate()
    setErrors(local)
    if (!data) {
      setTopError({ message: local.consent && Object.keys(local).length === 1 ? local.consent : '请先改正标红的内容' })
      return
    }
    setTopError(null)
    setBusy(true)
    try {
      if (!(await ensureLogin())) return
      const r = await api.subsidy.apply(data)
      clearDraft()
      Taro.showToast({ title: '申请已提交', icon: 'success' })
      await askToNotify(['subsidy_progress'], '申请已提交。审核每进一步、帮扶款发放时，通过微信通知您？')
      setTimeout(() => {
        Taro.redirectTo({ url: url('subsidy/mine', { applicationId: r.applicationId }) }).catch(() => Taro.navigateTo({ url: url('subsidy/mine') }))
      }, 600)
    } catch (e) {
      if (!(e instanceof ApiCallError)) setTopError({ message: errorText(e) })
      else if (e.fields && Object.keys(e.fields).length) {
        setErrors(e.fields)
        setTopError({ message: e.message || '请先改正标红的内容' })
      } else if (e.code === 'NETWORK') setTopError({ message: '网络不太好，请稍后再点“提交申请”。重新提交不会重复申请。' })
      else if (e.code === 'CONFLICT') setTopError({ message: e.message || '您已有一份申请正在审核中，请等待审核结果', action: { label: '查看我的申请', url: url('subsidy/mine') } })
      else if (e.code === 'FORBIDDEN') setTopError({ message: `${e.message || '没有权限'}。申请困难帮扶需要有效的工会会员卡。`, action: { label: '查看或办理会员卡', url: url('card') } })
      else if (e.code === 'NOT_ELIGIBLE') setTopError({ message: e.message || '按填写的情况暂不符合困难职工认定条件', action: { label: '重新测算', url: url('subsidy/check') } })
      else setTopError({ message: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className='wu-page sb-page subsidy-apply'>
      {prefilled ? <Text className='sb-note prefilled-note'>已带入您刚才测算时填写的家庭情况，请核对。</Text> : null}
      <HouseholdFields form={form} onChange={changeForm} errors={errors} />

      <View className='wu-card'>
        <Text className='sb-section'>联系电话</Text>
        <Input {...inputA11y('联系电话', errors.phone)} className={`wu-input sb-input apply-phone ${errors.phone ? 'wu-input-bad sb-input-bad' : ''}`} type='number' maxlength={11} value={phone} placeholder={phoneKnown.masked ? `会员卡登记的是 ${phoneKnown.masked}，请填写完整号码` : '工会核实时联系您'} onInput={(e) => setPhone(e.detail.value)} />
        {errors.phone ? <Text className='sb-error'>{errors.phone}</Text> : null}
        {phoneKnown.filled && phone ? <Text className='sb-hint phone-prefilled'>已填入本机记住的手机号，请核对</Text> : null}
      </View>

      <View className='wu-card'>
        <Text className='sb-section'>{`证明材料（可不填，最多${MAX_EVIDENCE}份）`}</Text>
        <Text className='sb-hint'>请写下材料名称或编号（如“住院费用发票 0012345”），并拍照或从相册上传（照片或 PDF，每份不超过 10 MB）。照片上传前会去掉拍摄地点，只有审核您申请的工会工作人员能看到。核实时请向工作人员出示原件。</Text>
        {evidence.map((ev, i) => (
          <View key={ev.key} className={`sb-evidence evidence-${i}`}>
            <View className='sb-member-head'>
              <Picker mode='selector' range={EVIDENCE_KINDS.map((k) => EVIDENCE_KIND_LABELS[k])} value={EVIDENCE_KINDS.indexOf(ev.kind)} onChange={(e) => setEv(ev.key, { kind: EVIDENCE_KINDS[Number(e.detail.value)] })}>
                <PickerValue className='sb-relation sb-relation-pick evidence-kind' label={`第 ${i + 1} 份证明材料的类型`} value={EVIDENCE_KIND_LABELS[ev.kind]} />
              </Picker>
              <LinkButton className='sb-remove evidence-remove' label={`删除第 ${i + 1} 份证明材料`} onClick={() => setEvidence((l) => l.filter((x) => x.key !== ev.key))}>
                删除
              </LinkButton>
            </View>
            {ev.preview ? (
              <View className='sb-photo evidence-uploaded'>
                <Image className='sb-thumb' src={ev.preview} mode='aspectFill' {...imageA11y(`第 ${i + 1} 份证明材料的照片`)} />
                <Text className='sb-hint evidence-upload-state'>{ev.uploading ? '正在上传…' : ev.uploadError ? `上传失败：${ev.uploadError}` : '已上传'}</Text>
              </View>
            ) : null}
            <Input {...inputA11y(`第 ${i + 1} 份材料的名称或编号`, errors[`evidence.${i}.ref`])} className={`wu-input sb-input evidence-ref ${errors[`evidence.${i}.ref`] ? 'wu-input-bad sb-input-bad' : ''}`} value={ev.ref} maxlength={300} placeholder='材料名称或编号' onInput={(e) => setEv(ev.key, { ref: e.detail.value })} />
            {errors[`evidence.${i}.ref`] ? <Text className='sb-error'>{errors[`evidence.${i}.ref`]}</Text> : null}
            <Input {...inputA11y(`第 ${i + 1} 份材料的备注`)} className='wu-input sb-input evidence-note' value={ev.note} maxlength={60} placeholder='备注（可不填）' onInput={(e) => setEv(ev.key, { note: e.detail.value })} />
            {errors[`evidence.${i}.note`] ? <Text className='sb-error'>{errors[`evidence.${i}.note`]}</Text> : null}
            {!ev.uploading ? (
              <LinkButton className='sb-link evidence-photo' onClick={() => pickPhoto(ev.key)}>
                {ev.fileId ? '重新拍照或选择 ›' : '拍照或从相册上传 ›'}
              </LinkButton>
            ) : null}
          </View>
        ))}
        {errors.evidence ? <Text className='sb-error'>{errors.evidence}</Text> : null}
        {evidence.length < MAX_EVIDENCE ? (
          <Btn kind='secondary' className='sb-secondary add-evidence' onClick={() => setEvidence((l) => [...l, newEvidence()])}>
            + 添加证明材料
          </Btn>
        ) : null}
      </View>

      <View className='wu-card'>
        <Text className='sb-section'>情况说明（可不填）</Text>
        <Textarea {...inputA11y('情况说明（可不填）', errors.note)} className='wu-textarea sb-textarea apply-note' value={note} maxlength={500} placeholder='简单说说家里遇到的困难，例如：孩子上大学学费较高，爱人长期看病' onInput={(e) => setNote(e.detail.value)} />
        {errors.note ? <Text className='sb-error'>{errors.note}</Text> : null}
      </View>

      <View className='wu-card sb-consent'>
        <Text className='sb-hint'>工会将根据您填写的信息，向您的单位、社区等核实家庭收入和困难情况，只用于困难帮扶审核，不作他用。</Text>
        <CheckRow className='sb-consent-row consent-row' checked={consent} onChange={setConsent}>
          <Text className='consent-label'>我授权工会核实家庭收入信息</Text>
        </CheckRow>
        {errors.consent ? <Text className='sb-error'>{errors.consent}</Text> : null}
      </View>

      {topError ? (
        <View className='sb-top-error apply-error' {...a11y({ role: 'alert' })}>
          <Text>{topError.message}</Text>
          {topError.action ? (
            <LinkButton className='sb-link apply-error-action' onClick={() => Taro.navigateTo({ url: topError.action!.url })}>
              {topError.action.label} ›
            </LinkButton>
          ) : null}
        </View>
      ) : null}
      <Btn className='sb-primary apply-submit' disabled={busy || !consent} loading={busy} onClick={submit}>
        提交申请
      </Btn>
      {!consent ? <Text className='sb-hint submit-hint'>勾选“我授权工会核实家庭收入信息”后才能提交</Text> : null}
      <PrivacySheet />
    </Screen>
  )
}

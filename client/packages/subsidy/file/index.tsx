// 困难职工档案详情 (staff): the household and why it was filed, the one-household-one-plan (一户一策),
// payments, the programmes still available this year with a 发放 button each, and the file's life
// cycle (temporary → formal, archived once out of difficulty). Every payment carries a request id so a
// retry after a lost answer never pays twice.
import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text, Button, Input, Textarea, Picker } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { ensureLogin } from '../../../services/session'
import type { ActionOutput } from '../../../../types/contract'
import { PHONE_RE, normalizePhone } from '../../../../types/idcard'
import { APPLICATION_STATUS_LABELS, CATEGORY_LABELS, CONDITION_LABELS, FILE_KIND_LABELS, FILE_STATUS_LABELS, RELATION_LABELS, yuan } from '../../../../types/subsidy-labels'
import { ErrorBlock, Loading } from '../../../components/states'
import { EvaluationCard } from '../evaluation-view'
import { alertModal, dateText, errorText, isForbidden, newRequestId, parseYuan, todayBeijing, type FieldErrors } from '../shared'
import '../subsidy.css'

type Detail = ActionOutput<'subsidy', 'file'>
type Available = Detail['available'][number]
type PlanForm = { goal: string; measures: string[]; responsible: string; contact: string; nextReviewDate: string }

const plusMonths = (m: number) => {
  const d = new Date(`${todayBeijing()}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + m)
  return d.toISOString().slice(0, 10)
}

function planProblems(p: PlanForm): FieldErrors {
  const e: FieldErrors = {}
  const goal = p.goal.trim()
  if (goal.length < 4) e.goal = '帮扶目标至少4个字'
  else if (goal.length > 200) e.goal = '帮扶目标不能超过200字'
  const measures = p.measures.map((m) => m.trim())
  if (!measures.some(Boolean)) e.measures = '请至少填写一条帮扶措施'
  measures.forEach((m, i) => {
    if (!m) return
    if (m.length < 2) e[`measures.${i}`] = '每条措施至少2个字'
    else if (m.length > 100) e[`measures.${i}`] = '每条措施不能超过100字'
  })
  const r = p.responsible.trim()
  if (r.length < 2) e.responsible = '请填写责任人'
  else if (r.length > 20) e.responsible = '责任人不能超过20个字'
  if (!PHONE_RE.test(normalizePhone(p.contact))) e.contact = '请填写责任人的11位手机号'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.nextReviewDate)) e.nextReviewDate = '请选择下次回访日期'
  return e
}

export default function SubsidyFile() {
  const { params } = useRouter()
  const fileId = params.fileId ?? ''
  const [d, setD] = useState<Detail | null>(null)
  const [error, setError] = useState<{ message: string; forbidden: boolean } | null>(null)
  const [plan, setPlan] = useState<PlanForm | null>(null)
  const [planErrors, setPlanErrors] = useState<FieldErrors>({})
  const [amounts, setAmounts] = useState<Record<string, string>>({})
  const [amountErrors, setAmountErrors] = useState<Record<string, string>>({})
  // A payment whose answer was lost: the next confirm of the same amount reuses its request id.
  const [pending, setPending] = useState<Record<string, { requestId: string; amountFen: number }>>({})
  const [archiving, setArchiving] = useState(false)
  const [archiveReason, setArchiveReason] = useState('')
  const [archiveError, setArchiveError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = async () => {
    if (!fileId) {
      setError({ message: '没有指定档案，请从档案列表打开', forbidden: false })
      return
    }
    try {
      if (!(await ensureLogin())) return
      const r = await api.subsidy.file({ fileId })
      setError(null)
      setD(r)
    } catch (e) {
      setError({ message: errorText(e), forbidden: isForbidden(e) })
    }
  }
  useDidShow(() => void load())

  const editPlan = () => {
    const p = d?.plan
    setPlan({
      goal: p?.goal ?? '',
      measures: p?.measures.length ? [...p.measures] : [''],
      responsible: p?.responsible ?? '',
      contact: '',
      nextReviewDate: p?.nextReviewDate ?? plusMonths(3),
    })
    setPlanErrors({})
  }

  const savePlan = async () => {
    if (!plan || busy) return
    const problems = planProblems(plan)
    setPlanErrors(problems)
    if (Object.keys(problems).length) return
    setBusy('plan')
    try {
      await api.subsidy.plan({
        fileId,
        goal: plan.goal.trim(),
        measures: plan.measures.map((m) => m.trim()).filter(Boolean),
        responsible: plan.responsible.trim(),
        contact: normalizePhone(plan.contact),
        nextReviewDate: plan.nextReviewDate,
      })
      Taro.showToast({ title: '帮扶计划已保存', icon: 'success' })
      setPlan(null)
      await load()
    } catch (e) {
      if (e instanceof ApiCallError && e.fields) setPlanErrors(e.fields)
      else await alertModal('保存失败', errorText(e))
    } finally {
      setBusy(null)
    }
  }

  const disburse = async (p: Available) => {
    if (!d || busy) return
    const raw = (amounts[p.id] ?? '').trim()
    let amountFen = p.amountFen
    if (raw) {
      const r = parseYuan(raw)
      if (!r.ok) return setAmountErrors((m) => ({ ...m, [p.id]: r.error }))
      if (r.fen < 1) return setAmountErrors((m) => ({ ...m, [p.id]: '金额应大于0' }))
      amountFen = r.fen
    }
    if (amountFen > p.remainingFen) return setAmountErrors((m) => ({ ...m, [p.id]: `超过本年度剩余额度 ¥${yuan(p.remainingFen)}` }))
    setAmountErrors((m) => ({ ...m, [p.id]: '' }))
    const retry = pending[p.id]?.amountFen === amountFen ? pending[p.id] : null
    const ok = await Taro.showModal({
      title: '确认发放',
      content: `向 ${d.memberName} 发放“${p.name}” ¥${yuan(amountFen)}。${retry ? '上次发放结果未知，将按同一笔重试，不会重复发放。' : '发放后记入帮扶台账，不能撤销。'}`,
      confirmText: '确认发放',
    })
    if (!ok.confirm) return
    const requestId = retry?.requestId ?? newRequestId('pay')
    setPending((m) => ({ ...m, [p.id]: { requestId, amountFen } }))
    setBusy(`pay-${p.id}`)
    try {
      const r = await api.subsidy.disburse({ requestId, fileId, programme: p.id, ...(amountFen !== p.amountFen ? { amountFen } : {}) })
      setPending((m) => {
        const { [p.id]: _done, ...rest } = m
        return rest
      })
      setAmounts((m) => ({ ...m, [p.id]: '' }))
      await alertModal(r.duplicate ? '这笔已发放过' : '发放成功', r.duplicate ? `这笔 ¥${yuan(r.amountFen)} 之前已经发放，没有重复发放。` : `已发放 ¥${yuan(r.amountFen)}，该项目本工会预算余额 ¥${yuan(r.budgetRemainingFen)}。`)
      await load()
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'NETWORK') {
        await alertModal('发放结果未知', '网络不太好，不确定是否已发放。请稍后再点“发放”，会按同一笔重试，不会重复发放。')
      } else {
        // The server refused it: nothing was paid, the next attempt is a new request.
        setPending((m) => {
          const { [p.id]: _refused, ...rest } = m
          return rest
        })
        await alertModal('未能发放', errorText(e))
      }
    } finally {
      setBusy(null)
    }
  }

  const formalize = async () => {
    if (busy) return
    const ok = await Taro.showModal({ title: '转为正式档案', content: '临时困难已核实为长期困难，转为正式档案后按正式档案管理和帮扶。确定吗？' })
    if (!ok.confirm) return
    setBusy('formalize')
    try {
      await api.subsidy.formalize({ fileId })
      Taro.showToast({ title: '已转为正式档案', icon: 'success' })
      await load()
    } catch (e) {
      await alertModal('操作失败', errorText(e))
    } finally {
      setBusy(null)
    }
  }

  const archive = async () => {
    if (busy) return
    const reason = archiveReason.trim()
    if (reason.length < 2) return setArchiveError('请填写归档原因，如：家庭收入已稳定高于标准')
    setArchiveError(null)
    const ok = await Taro.showModal({ title: '解困归档', content: '归档后不再按困难职工帮扶，但仍会纳入返困监测。确定吗？' })
    if (!ok.confirm) return
    setBusy('archive')
    try {
      await api.subsidy.archive({ fileId, reason })
      Taro.showToast({ title: '已归档', icon: 'success' })
      setArchiving(false)
      setArchiveReason('')
      await load()
    } catch (e) {
      if (e instanceof ApiCallError && e.fields?.reason) setArchiveError(e.fields.reason)
      else await alertModal('操作失败', errorText(e))
    } finally {
      setBusy(null)
    }
  }

  if (error)
    return error.forbidden ? (
      <View className='sb-page'>
        <View className='sb-card sb-forbidden forbidden'>
          <Text className='sb-result-title'>仅限工会工作人员使用</Text>
          <Text className='sb-hint'>您的账号没有查看这份档案的权限。</Text>
        </View>
      </View>
    ) : (
      <ErrorBlock message={error.message} onRetry={load} />
    )
  if (!d) return <Loading text='正在加载档案…' />
  const active = d.status === 'active'

  return (
    <View className='sb-page subsidy-file'>
      <View className='sb-card file-head'>
        <View className='sb-row'>
          <Text className='sb-name name'>{d.memberName}</Text>
          <Text className={`sb-tag category-${d.category}`}>{CATEGORY_LABELS[d.category]}</Text>
        </View>
        <Text className='sb-meta'>
          档案号 {d.fileNo} · {FILE_KIND_LABELS[d.kind]} · <Text className='file-status'>{FILE_STATUS_LABELS[d.status]}</Text>
        </Text>
        <Text className='sb-meta'>
          {d.unionName} · {d.phoneMasked}
        </Text>
        <Text className='sb-meta'>
          信息更新于 {dateText(d.dataAsOf)} · 累计帮扶 ¥{yuan(d.paidTotalFen)}
        </Text>
        <View className='sb-badges'>
          {d.stale ? <Text className='sb-badge badge-stale'>一年未更新，请回访核实</Text> : null}
          {d.atRisk ? <Text className='sb-badge sb-badge-risk badge-risk'>返困风险{d.riskReason ? `：${d.riskReason}` : ''}</Text> : null}
          {active && d.paidTotalFen === 0 ? <Text className='sb-badge badge-never'>未帮扶</Text> : null}
        </View>
        {d.recheckNote ? <Text className='sb-note recheck-note'>{d.recheckNote}</Text> : null}
        {d.status === 'archived' ? (
          <Text className='sb-note archived-note'>
            {d.archivedAt ? `${dateText(d.archivedAt)} ` : ''}解困归档{d.archiveReason ? `：${d.archiveReason}` : ''}
          </Text>
        ) : null}
      </View>

      <View className='sb-card'>
        <Text className='sb-section'>家庭成员</Text>
        <View className='sb-table household-table'>
          <View className='sb-tr sb-th'>
            <Text className='sb-td'>关系</Text>
            <Text className='sb-td sb-td-num'>月收入</Text>
          </View>
          {d.household.map((m, i) => (
            <View key={i} className='sb-tr'>
              <Text className='sb-td'>{RELATION_LABELS[m.relation]}</Text>
              <Text className='sb-td sb-td-num'>¥{yuan(m.monthlyIncomeFen)}</Text>
            </View>
          ))}
        </View>
        <Text className='sb-label'>困难情形</Text>
        {d.conditions.length ? (
          <View className='sb-chips sb-chips-small'>
            {d.conditions.map((c) => (
              <Text key={c} className='sb-chip sb-chip-static'>
                {CONDITION_LABELS[c]}
              </Text>
            ))}
          </View>
        ) : (
          <Text className='sb-hint'>无</Text>
        )}
      </View>

      <EvaluationCard ev={d.evaluation} title='认定依据' />

      <View className='sb-card plan-card'>
        <View className='sb-row'>
          <Text className='sb-section'>帮扶计划（一户一策）</Text>
          {active && !plan ? (
            <Text className='sb-link plan-edit' onClick={editPlan}>
              {d.plan ? '修改' : '制定计划'}
            </Text>
          ) : null}
        </View>
        {plan ? (
          <View className='plan-form'>
            <Text className='sb-label'>帮扶目标</Text>
            <Textarea className='sb-textarea plan-goal' value={plan.goal} maxlength={200} placeholder='例如：年内家庭人均收入稳定高于当地标准' onInput={(e) => setPlan({ ...plan, goal: e.detail.value })} />
            {planErrors.goal ? <Text className='sb-error'>{planErrors.goal}</Text> : null}
            <Text className='sb-label'>帮扶措施</Text>
            {plan.measures.map((m, i) => (
              <View key={i} className='sb-measure'>
                <View className='sb-money-row'>
                  <Input className='sb-input plan-measure' value={m} maxlength={100} placeholder={`第${i + 1}条，例如：推荐参加技能培训`} onInput={(e) => setPlan({ ...plan, measures: plan.measures.map((x, j) => (j === i ? e.detail.value : x)) })} />
                  {plan.measures.length > 1 ? (
                    <Text className='sb-remove' onClick={() => setPlan({ ...plan, measures: plan.measures.filter((_, j) => j !== i) })}>
                      删除
                    </Text>
                  ) : null}
                </View>
                {planErrors[`measures.${i}`] ? <Text className='sb-error'>{planErrors[`measures.${i}`]}</Text> : null}
              </View>
            ))}
            {planErrors.measures ? <Text className='sb-error'>{planErrors.measures}</Text> : null}
            {plan.measures.length < 10 ? (
              <Text className='sb-link plan-add-measure' onClick={() => setPlan({ ...plan, measures: [...plan.measures, ''] })}>
                + 添加一条措施
              </Text>
            ) : null}
            <Text className='sb-label'>责任人</Text>
            <Input className='sb-input plan-responsible' value={plan.responsible} maxlength={20} placeholder='负责帮扶的工会干部姓名' onInput={(e) => setPlan({ ...plan, responsible: e.detail.value })} />
            {planErrors.responsible ? <Text className='sb-error'>{planErrors.responsible}</Text> : null}
            <Text className='sb-label'>责任人联系电话</Text>
            <Input className='sb-input plan-contact' type='number' value={plan.contact} maxlength={11} placeholder={d.plan ? `原为 ${d.plan.contactMasked}，请重新填写` : '11位手机号'} onInput={(e) => setPlan({ ...plan, contact: e.detail.value })} />
            {planErrors.contact ? <Text className='sb-error'>{planErrors.contact}</Text> : null}
            <Text className='sb-label'>下次回访日期</Text>
            <Picker mode='date' value={plan.nextReviewDate} start={todayBeijing()} onChange={(e) => setPlan({ ...plan, nextReviewDate: e.detail.value })}>
              <View className='sb-input plan-date'>{plan.nextReviewDate || '请选择日期'}</View>
            </Picker>
            {planErrors.nextReviewDate ? <Text className='sb-error'>{planErrors.nextReviewDate}</Text> : null}
            {planErrors.fileId ? <Text className='sb-error'>{planErrors.fileId}</Text> : null}
            <View className='sb-actions'>
              <Button className='sb-plain' disabled={busy === 'plan' || undefined} onClick={() => setPlan(null)}>
                取消
              </Button>
              <Button className='sb-approve plan-save' disabled={busy === 'plan' || undefined} loading={busy === 'plan' || undefined} onClick={savePlan}>
                保存计划
              </Button>
            </View>
          </View>
        ) : d.plan ? (
          <View className='plan-view'>
            <Text className='sb-line'>目标：{d.plan.goal}</Text>
            {d.plan.measures.map((m, i) => (
              <Text key={i} className='sb-line'>
                {i + 1}. {m}
              </Text>
            ))}
            <Text className='sb-meta'>
              责任人：{d.plan.responsible} · {d.plan.contactMasked}
            </Text>
            <Text className='sb-meta'>
              下次回访：{d.plan.nextReviewDate} · 更新于 {dateText(d.plan.updatedAt)}
            </Text>
          </View>
        ) : (
          <Text className='sb-hint'>还没有帮扶计划。应帮尽帮：请为这户制定目标、措施和责任人。</Text>
        )}
      </View>

      {active ? (
        <View className='sb-card'>
          <Text className='sb-section'>可发放的帮扶项目（本年度）</Text>
          {d.available.length === 0 ? <Text className='sb-hint'>本年度暂无可发放的项目</Text> : null}
          {d.available.map((p) => {
            const used = p.remainingFen <= 0 || p.timesLeft === 0
            const blocked = used || !p.inSeason
            const b = busy === `pay-${p.id}`
            return (
              <View key={p.id} className={`sb-available available-${p.id}`}>
                <View className='sb-row'>
                  <Text className='sb-programme-name'>{p.name}</Text>
                  <Text className='sb-programme-amount'>¥{yuan(p.amountFen)}</Text>
                </View>
                <Text className='sb-meta'>
                  本年度剩余额度 ¥{yuan(p.remainingFen)}
                  {p.timesLeft !== null ? ` · 还可发放 ${p.timesLeft} 次` : ''}
                  {!p.inSeason ? ' · 不在发放时间' : ''}
                </Text>
                {!blocked ? (
                  <View className='sb-money-row'>
                    <Input className='sb-input sb-money disburse-amount' type='digit' value={amounts[p.id] ?? ''} maxlength={12} placeholder={`金额（元），默认 ${yuan(p.amountFen)}`} onInput={(e) => setAmounts((m) => ({ ...m, [p.id]: e.detail.value }))} />
                    <Button className='sb-approve sb-small disburse-button' disabled={!!busy || undefined} loading={b || undefined} onClick={() => disburse(p)}>
                      发放
                    </Button>
                  </View>
                ) : (
                  <Text className='sb-waiting'>{used ? '本年度已领满' : '不在发放时间'}</Text>
                )}
                {amountErrors[p.id] ? <Text className='sb-error'>{amountErrors[p.id]}</Text> : null}
              </View>
            )
          })}
        </View>
      ) : null}

      <View className='sb-card'>
        <Text className='sb-section'>发放记录</Text>
        {d.payments.length === 0 ? <Text className='sb-hint'>还没有发放记录</Text> : null}
        {d.payments.map((p) => (
          <View key={p.paymentId} className={`sb-payment payment payment-${p.status}`}>
            <View className='sb-row'>
              <Text className='sb-payment-name'>{p.name}</Text>
              <Text className={`sb-payment-amount ${p.status === 'reversed' ? 'sb-struck' : ''}`}>¥{yuan(p.amountFen)}</Text>
            </View>
            <Text className='sb-meta'>
              {dateText(p.at)}
              {p.status === 'reversed' ? ' · 已冲正' : ''}
              {p.orderId ? ` · 商城订单 ${p.orderId}` : ''}
              {p.note ? ` · ${p.note}` : ''}
            </Text>
          </View>
        ))}
      </View>

      {d.applications.length ? (
        <View className='sb-card'>
          <Text className='sb-section'>申请记录</Text>
          {d.applications.map((a) => (
            <View key={a.applicationId} className='sb-row sb-app-row'>
              <Text className='sb-meta'>
                {dateText(a.submittedAt)} · {CATEGORY_LABELS[a.category]}
              </Text>
              <Text className={`sb-status status-${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {active ? (
        <View className='sb-card file-actions'>
          {d.kind === 'temporary' ? (
            <Button className='sb-secondary formalize-button' disabled={!!busy || undefined} loading={busy === 'formalize' || undefined} onClick={formalize}>
              转为正式档案
            </Button>
          ) : null}
          {archiving ? (
            <View className='sb-reject-box'>
              <Input className={`sb-input archive-reason ${archiveError ? 'sb-input-bad' : ''}`} value={archiveReason} maxlength={200} placeholder='归档原因（必填），如：家庭收入已稳定高于标准' onInput={(e) => setArchiveReason(e.detail.value)} />
              {archiveError ? <Text className='sb-error'>{archiveError}</Text> : null}
              <View className='sb-actions'>
                <Button className='sb-plain' onClick={() => (setArchiving(false), setArchiveError(null))}>
                  取消
                </Button>
                <Button className='sb-danger archive-confirm' disabled={!!busy || undefined} loading={busy === 'archive' || undefined} onClick={archive}>
                  确认归档
                </Button>
              </View>
            </View>
          ) : (
            <Button className='sb-secondary archive-button' disabled={!!busy || undefined} onClick={() => setArchiving(true)}>
              解困归档
            </Button>
          )}
        </View>
      ) : null}
    </View>
  )
}

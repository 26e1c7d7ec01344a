// 帮扶审核 (staff): applications by stage. The grassroots union checks (核实), the street or district union
// approves (审批, by a different person), and after the public notice the file is created (建档). What the
// caller may do comes from the server (canAct); not passing always needs a reason the applicant will see.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import type { ActionOutput } from '../../../../types/contract'
import { APPLICATION_STATUS_LABELS, CATEGORY_LABELS, RELATION_LABELS, yuan } from '../../../../types/subsidy-labels'
import { usePagedList } from '../../../hooks/paged-list'
import { Empty, ErrorBlock, Loading, LoadMore } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { timeText } from '../shared'
import { ConditionChips } from '../condition-chips'
import { EvidenceThumb } from '../../../components/evidence-thumb'
import '../subsidy.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { LinkButton } from '../../../components/ui/button'
import { Tabs } from '../../../components/ui/choice'
import { inputA11y } from '../../../components/ui/field'

type Item = ActionOutput<'subsidy', 'queue'>['items'][number]
type Tab = 'submitted' | 'checked' | 'notice'
type Act = NonNullable<Item['canAct']>

const TABS: Tab[] = ['submitted', 'checked', 'notice']
const TAB_LABELS: Record<Tab, string> = { submitted: '待核实', checked: '待审批', notice: '公示中' }
const ACT_LABELS: Record<Act, string> = { check: '核实通过', approve: '审批通过', finalize: '公示期满建档' }
const ACT_DONE: Record<Act, string> = { check: '已核实，转街道审批', approve: '已审批，进入公示', finalize: '已建档' }
const PAGE = 20

/** Why there is nothing to press on an item. */
function waitingText(i: Item): string {
  if (i.status === 'submitted') return '等待申请人所在基层工会核实'
  if (i.status === 'checked') return '需由上级工会的另一位工作人员审批'
  if (i.status === 'notice') return i.noticeEndsAt ? `公示至 ${timeText(i.noticeEndsAt)}，期满后可建档` : '公示中'
  return APPLICATION_STATUS_LABELS[i.status]
}

export default function SubsidyQueue() {
  const [tab, setTab] = useState<Tab>('submitted')
  const list = usePagedList((cursor?: string) => api.subsidy.queue({ status: tab, limit: PAGE, cursor }), (i) => i.applicationId, { login: 'required', deps: [tab] })
  const { items, error } = list
  const load = list.reload
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const switchTab = (t: Tab) => {
    setTab(t)
    setRejecting(null)
  }

  const decide = async (i: Item, decision: 'pass' | 'reject') => {
    if (busy) return
    const reason = (reasons[i.applicationId] ?? '').trim()
    if (decision === 'reject' && reason.length < 2) {
      setRejecting(i.applicationId)
      setReasonError('请填写不通过的原因（至少2个字），申请人会看到这条说明')
      return
    }
    setBusy(i.applicationId)
    setReasonError(null)
    try {
      await api.subsidy.review({ applicationId: i.applicationId, decision, ...(decision === 'reject' ? { reason } : {}) })
      Taro.showToast({ title: decision === 'pass' && i.canAct ? ACT_DONE[i.canAct] : '已退回申请', icon: decision === 'pass' ? 'success' : 'none' })
      setRejecting(null)
      setReasons((r) => ({ ...r, [i.applicationId]: '' }))
    } catch (e) {
      const fieldMsg = e instanceof ApiCallError ? e.fields?.reason : undefined
      if (fieldMsg) {
        setRejecting(i.applicationId)
        setReasonError(fieldMsg)
      } else await Taro.showModal({ title: '操作失败', content: errorText(e), showCancel: false })
    } finally {
      setBusy(null)
      await load()
    }
  }

  if (error?.code === 'FORBIDDEN')
    return (
      <Screen className='wu-page sb-page'>
        <Forbidden hint='您的账号没有帮扶审核权限。如您是工会工作人员，请联系上级工会开通。' />
      </Screen>
    )

  return (
    <Screen className='wu-page sb-page subsidy-queue'>
      <View className='sb-row sb-toolbar'>
        <LinkButton className='sb-link link-files' onClick={() => Taro.navigateTo({ url: url('subsidy/files') })}>
          困难职工档案 ›
        </LinkButton>
      </View>
      <Tabs className='sb-tabs' tabClass='sb-tab' onClass='sb-tab-on' label='审核状态' value={tab} onChange={switchTab} tabs={TABS.map((t) => ({ key: t, label: TAB_LABELS[t], className: `tab-${t}` }))} />
      {error ? (
        <ErrorBlock message={error.message} onRetry={() => load()} />
      ) : !items ? (
        <Loading text='正在加载申请…' />
      ) : items.length === 0 ? (
        <Empty text={`暂无${TAB_LABELS[tab]}的申请`} action='刷新' onAction={() => load()} />
      ) : (
        <View className='sb-list'>
          {items.map((i) => {
            const open = rejecting === i.applicationId
            const disabled = busy === i.applicationId
            return (
              <View key={i.applicationId} className={`wu-card queue-item queue-${i.status}`}>
                <View className='sb-row'>
                  <Text className='sb-name name'>{i.memberName}</Text>
                  <Text className={`sb-tag category-${i.category}`}>{CATEGORY_LABELS[i.category]}</Text>
                </View>
                <Text className='sb-meta'>
                  {i.unionName} · {i.phoneMasked}
                </Text>
                <Text className='sb-line'>
                  人均月收入 <Text className='sb-strong per-capita'>¥{yuan(i.perCapitaFen)}</Text> · 家庭 {i.householdSize} 人
                </Text>
                <ConditionChips conditions={i.conditions} />
                <Text className='sb-meta queue-household'>
                  {i.household.map((m) => `${RELATION_LABELS[m.relation]} ¥${yuan(m.monthlyIncomeFen)}`).join('；')}
                </Text>
                <Text className='sb-meta queue-decision'>系统测算：{i.decision}</Text>
                {i.note ? <Text className='sb-meta queue-note'>申请人说明：{i.note}</Text> : null}
                <Text className='sb-meta'>
                  证明材料 {i.evidenceCount} 份 · {timeText(i.submittedAt)} 提交
                </Text>
                {i.evidence.map((e, n) =>
                  e.fileId ? (
                    <EvidenceThumb key={n} fileId={e.fileId} label={`${e.ref}${e.note ? `（${e.note}）` : ''}`} />
                  ) : (
                    <Text key={n} className='sb-meta queue-evidence'>
                      · {e.ref}
                      {e.note ? `（${e.note}）` : ''}
                    </Text>
                  ),
                )}
                {i.noticeEndsAt ? <Text className='sb-meta'>公示截止：{timeText(i.noticeEndsAt)}</Text> : null}
                {i.objections.length ? (
                  <View className='sb-rejected queue-objections'>
                    <Text className='sb-reject-title'>公示期间收到 {i.objections.length} 条反映，建档前请核实</Text>
                    {i.objections.map((o, n) => (
                      <Text key={n} className='sb-reject-text queue-objection'>
                        {timeText(o.at)}：{o.text}
                      </Text>
                    ))}
                  </View>
                ) : null}
                {!i.canAct ? (
                  <Text className='sb-waiting waiting'>{waitingText(i)}</Text>
                ) : open ? (
                  <View className='sb-reject-box'>
                    <Input
                      className={`wu-input sb-input reason ${reasonError ? 'wu-input-bad sb-input-bad' : ''}`}
                      {...inputA11y('不通过的原因（必填）', reasonError)}
                      placeholder='不通过的原因（必填），如：家庭收入与核实情况不符'
                      maxlength={200}
                      value={reasons[i.applicationId] ?? ''}
                      focus
                      onInput={(e) => {
                        const value = e.detail.value
                        setReasons((r) => ({ ...r, [i.applicationId]: value }))
                        if (value.trim().length >= 2) setReasonError(null)
                      }}
                    />
                    {reasonError ? <Text className='sb-error reason-error'>{reasonError}</Text> : null}
                    <View className='sb-actions'>
                      <Btn kind='plain' className='sb-plain' disabled={disabled} onClick={() => (setRejecting(null), setReasonError(null))}>
                        取消
                      </Btn>
                      <Btn kind='danger' className='sb-danger reject-confirm' disabled={disabled} loading={disabled} onClick={() => decide(i, 'reject')}>
                        确认不通过
                      </Btn>
                    </View>
                  </View>
                ) : (
                  <View className='sb-actions'>
                    <Btn kind='success' className={`sb-approve pass-button act-${i.canAct}`} disabled={disabled} loading={disabled} onClick={() => decide(i, 'pass')}>
                      {ACT_LABELS[i.canAct]}
                    </Btn>
                    <Btn kind='secondary'
                      className='sb-reject reject-button'
                      disabled={disabled}
                      onClick={() => {
                        setRejecting(i.applicationId)
                        setReasonError(null)
                      }}
                    >
                      不通过
                    </Btn>
                  </View>
                )}
              </View>
            )
          })}
          <LoadMore list={list} />
        </View>
      )}
    </Screen>
  )
}

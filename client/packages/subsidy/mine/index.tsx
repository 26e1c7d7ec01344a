// 我的帮扶申请: where each application stands (基层核实 → 街道审批 → 公示 → 建档), why one was not passed,
// and the member's hardship file with what has been paid and the relief balance for the union shop.
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import { usePageQuery } from '../../../hooks/page-query'
import type { ActionOutput } from '../../../../types/contract'
import { APPLICATION_STATUS_LABELS, CATEGORY_LABELS, FILE_KIND_LABELS, FILE_STATUS_LABELS, yuan } from '../../../../types/subsidy-labels'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { dateText, timeText } from '../shared'
import { PaymentRow } from '../payment-row'
import '../subsidy.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'

type Mine = ActionOutput<'subsidy', 'myApplications'>
type Application = Mine['items'][number]
type StepKey = Application['steps'][number]['step']

const STEPS: { key: StepKey; label: string; status: Application['status'] }[] = [
  { key: 'check', label: '基层工会核实', status: 'submitted' },
  { key: 'approve', label: '街道（区）工会审批', status: 'checked' },
  { key: 'notice', label: '公示', status: 'notice' },
]

type StepState = 'done' | 'current' | 'rejected' | 'todo'

/** Each step's state from what has been recorded and where the application stands now. */
function stepStates(a: Pick<Application, 'status' | 'steps'>): StepState[] {
  let stopped = false
  return STEPS.map((s) => {
    if (stopped) return 'todo'
    const rec = [...a.steps].reverse().find((x) => x.step === s.key)
    if (rec?.decision === 'reject') {
      stopped = true
      return 'rejected'
    }
    if (rec?.decision === 'pass') return 'done'
    if (a.status === 'approved') return 'done'
    if (a.status === s.status) {
      stopped = true
      return 'current'
    }
    if (a.status === 'rejected') {
      stopped = true
      return 'rejected'
    }
    return 'todo'
  })
}

const STATE_TEXT: Record<StepState, string> = { done: '已通过', current: '进行中', rejected: '未通过', todo: '未开始' }
const MARK: Record<StepState, string> = { done: '✓', current: '●', rejected: '✗', todo: '○' }

function Timeline({ a }: { a: Application }) {
  const states = stepStates(a)
  return (
    <View className='sb-timeline'>
      {STEPS.map((s, i) => {
        const rec = [...a.steps].reverse().find((x) => x.step === s.key)
        const st = states[i]
        return (
          <View key={s.key} className={`sb-step step-${s.key} step-${st}`}>
            <Text className='sb-step-mark'>{MARK[st]}</Text>
            <View className='sb-step-body'>
              <Text className='sb-step-title'>
                {s.label} · {STATE_TEXT[st]}
              </Text>
              {rec ? (
                <Text className='sb-meta'>
                  {rec.unionName} · {timeText(rec.at)}
                </Text>
              ) : null}
              {s.key === 'notice' && a.noticeEndsAt && (st === 'current' || st === 'done') ? (
                <Text className='sb-meta notice-ends'>
                  {st === 'current' ? '公示至 ' : '公示已于 '}
                  {timeText(a.noticeEndsAt)}
                  {st === 'current' ? '，期间无异议即可建档' : ' 结束'}
                </Text>
              ) : null}
            </View>
          </View>
        )
      })}
      <View className={`sb-step step-file step-${a.status === 'approved' ? 'done' : 'todo'}`}>
        <Text className='sb-step-mark'>{a.status === 'approved' ? '✓' : '○'}</Text>
        <View className='sb-step-body'>
          <Text className='sb-step-title'>建立困难职工档案{a.status === 'approved' ? ' · 已完成' : ''}</Text>
        </View>
      </View>
    </View>
  )
}

export default function MyApplications() {
  const page = usePageQuery(() => api.subsidy.myApplications({}), { login: 'required' })
  const data = page.data

  if (page.error)
    return (
      <Screen className='wu-page sb-page subsidy-mine'>
        <ErrorBlock message={page.error.message} onRetry={page.reload} />
      </Screen>
    )
  if (!data)
    return (
      <Screen className='wu-page sb-page subsidy-mine'>
        <Loading text='正在加载您的申请…' />
      </Screen>
    )
  const { file, items } = data
  const goCheck = () => Taro.navigateTo({ url: url('subsidy/check') })

  return (
    <Screen className='wu-page sb-page subsidy-mine'>
      {file ? (
        <View className='wu-card sb-file-card my-file'>
          <Text className='sb-section'>我的困难职工档案</Text>
          <View className='sb-row'>
            <Text className='sb-meta'>档案号</Text>
            <Text className='sb-value file-no'>{file.fileNo}</Text>
          </View>
          <View className='sb-row'>
            <Text className='sb-meta'>类别</Text>
            <Text className='sb-value file-category'>
              {CATEGORY_LABELS[file.category]} · {FILE_KIND_LABELS[file.kind]}
            </Text>
          </View>
          <View className='sb-row'>
            <Text className='sb-meta'>状态</Text>
            <Text className='sb-value'>{FILE_STATUS_LABELS[file.status]}</Text>
          </View>
          <View className='sb-balance relief-balance'>
            <Text className='sb-balance-label'>消费帮扶补贴余额</Text>
            <Text className='sb-balance-amount'>¥{yuan(file.reliefRemainingFen)}</Text>
            <Text className='sb-hint'>可在工会商城结算时使用</Text>
          </View>
          <Text className='sb-label'>已收到的帮扶</Text>
          {file.payments.length ? (
            file.payments.map((p, i) => (
              <PaymentRow key={`${p.programme}-${p.at}-${i}`} {...p}>
                {dateText(p.at)}
                {p.status === 'reversed' ? ' · 已撤回' : ''}
              </PaymentRow>
            ))
          ) : (
            <Text className='sb-hint'>暂未发放，工会会按帮扶计划和项目时间安排。</Text>
          )}
        </View>
      ) : null}

      {items.length === 0 ? (
        <Empty text='您还没有提交过困难帮扶申请' action='先测一测能否申请' onAction={goCheck} />
      ) : (
        items.map((a) => (
          <View key={a.applicationId} className={`wu-card application application-${a.status}`}>
            <View className='sb-row'>
              <Text className={`sb-status status-${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
              <Text className='sb-meta'>{dateText(a.submittedAt)} 提交</Text>
            </View>
            <Text className='sb-app-category'>测算类别：{CATEGORY_LABELS[a.category]}</Text>
            <Text className='sb-meta'>受理工会：{a.unionName}</Text>
            {a.status === 'rejected' && a.rejectReason ? (
              <View className='sb-rejected reject-reason'>
                <Text className='sb-reject-title'>未通过的原因</Text>
                <Text className='sb-reject-text'>{a.rejectReason}</Text>
                <Text className='sb-hint'>如有疑问请联系受理工会；情况变化后可以重新申请。</Text>
              </View>
            ) : null}
            <Timeline a={a} />
          </View>
        ))
      )}
      {items.length ? (
        <Btn kind='secondary' className='sb-secondary' onClick={goCheck}>
          重新测算
        </Btn>
      ) : null}
      <Btn kind='secondary' className='sb-secondary open-notices' onClick={() => Taro.navigateTo({ url: url('subsidy/notices') })}>
        困难职工公示
      </Btn>
    </Screen>
  )
}

// 困难职工档案详情 (staff): the household and why it was filed, the one-household-one-plan (一户一策),
// the programmes still open this year with a 发放 button each, what has been paid, and the file's life
// cycle (temporary → formal, archived once out of difficulty). One action runs at a time.
import { useRouter } from '@tarojs/taro'
import { api } from '../../../services/api'
import { usePageQuery } from '../../../hooks/page-query'
import { useBusy } from '../../../hooks/busy'
import { ErrorBlock, Loading } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { EvaluationCard } from '../evaluation-view'
import { FileHead } from './file-head'
import { HouseholdCard } from './household-card'
import { PlanCard } from './plan-card'
import { DisburseCard } from './disburse-card'
import { ApplicationsCard, PaymentsCard } from './history'
import { FileActions } from './file-actions'
import '../subsidy.css'
import { Screen } from '../../../components/ui/screen'

export default function SubsidyFile() {
  const { params } = useRouter()
  const fileId = params.fileId ?? ''
  const page = usePageQuery(() => api.subsidy.file({ fileId }), { login: 'required', on: fileId ? 'show' : 'manual' })
  const { busy, run } = useBusy()
  const d = page.data

  if (!fileId)
    return (
      <Screen className='wu-page sb-page subsidy-file'>
        <ErrorBlock message='没有指定档案，请从档案列表打开' />
      </Screen>
    )
  if (page.error)
    return (
      <Screen className='wu-page sb-page subsidy-file'>
        {page.error.code === 'FORBIDDEN' ? <Forbidden hint='您的账号没有查看这份档案的权限。' /> : <ErrorBlock message={page.error.message} onRetry={page.reload} />}
      </Screen>
    )
  if (!d)
    return (
      <Screen className='wu-page sb-page subsidy-file'>
        <Loading text='正在加载档案…' />
      </Screen>
    )
  const active = d.status === 'active'
  const section = { d, busy, run, onDone: page.reload }

  return (
    <Screen className='wu-page sb-page subsidy-file'>
      <FileHead d={d} />
      <HouseholdCard d={d} />
      <EvaluationCard ev={d.evaluation} title='认定依据' />
      <PlanCard {...section} />
      {active ? <DisburseCard {...section} /> : null}
      <PaymentsCard d={d} />
      <ApplicationsCard d={d} />
      {active ? <FileActions {...section} /> : null}
    </Screen>
  )
}

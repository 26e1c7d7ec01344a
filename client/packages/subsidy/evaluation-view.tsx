// How a household was judged, in plain words: the category, the one sentence that decided it, every rule
// with ✓ or ✗ (the deciding one highlighted), and the programmes the household may apply for.
import { View, Text } from '@tarojs/components'
import { yuan } from '../../../types/subsidy-labels'
import { a11y } from '../../components/ui/a11y'
import { PROGRAMME_KIND_LABELS, seasonText, type Evaluation, type Programme, type Reason } from './shared'

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  return (
    <View className='sb-reasons'>
      {reasons.map((r, i) => (
        <View key={`${r.rule}-${i}`} className={`sb-reason reason-row ${r.passed ? 'reason-pass' : 'reason-fail'} ${r.decisive ? 'reason-decisive' : ''}`} data-rule={r.rule}>
          <Text className='sb-reason-mark'>{r.passed ? '✓' : '✗'}</Text>
          <Text className='sb-reason-text'>{r.text}</Text>
          {r.decisive ? <Text className='sb-reason-key'>关键依据</Text> : null}
        </View>
      ))}
    </View>
  )
}

export function ProgrammeList({ programmes }: { programmes: Programme[] }) {
  return (
    <View className='sb-programmes'>
      {programmes.map((p) => (
        <View key={p.id} className={`sb-programme programme programme-${p.id}`}>
          <View className='sb-row'>
            <Text className='sb-programme-name'>{p.name}</Text>
            <Text className='sb-programme-amount'>¥{yuan(p.amountFen)}</Text>
          </View>
          <Text className='sb-meta'>
            {PROGRAMME_KIND_LABELS[p.kind]} · {seasonText(p.months)}
            {p.maxTimesPerYear ? ` · 每年最多 ${p.maxTimesPerYear} 次` : ''}
          </Text>
          <Text className='sb-why'>{p.why}</Text>
        </View>
      ))}
    </View>
  )
}

const TONE: Record<Evaluation['category'], string> = { deep: 'sb-tone-deep', relative: 'sb-tone-relative', accident: 'sb-tone-accident', temporary: 'sb-tone-temporary', none: 'sb-tone-none' }

export function EvaluationCard({ ev, title = '测算结果' }: { ev: Evaluation; title?: string }) {
  return (
    <View className={`wu-card sb-result check-result wu-reveal category-${ev.category}`} {...a11y({ live: 'polite' })}>
      <Text className='sb-result-title' {...a11y({ role: 'heading', level: 2 })}>
        {title}
      </Text>
      <Text className={`sb-category result-category ${TONE[ev.category]}`}>{ev.label}</Text>
      <Text className='sb-decision result-decision'>{ev.decision}</Text>
      <View className='sb-figures'>
        <Text className='sb-figure'>
          家庭人口 <Text className='sb-strong'>{ev.householdSize}</Text> 人，月收入合计 <Text className='sb-strong'>¥{yuan(ev.totalIncomeFen)}</Text>
        </Text>
        <Text className='sb-figure figure-per-capita'>
          人均月收入 <Text className='sb-strong'>¥{yuan(ev.perCapitaFen)}</Text>
        </Text>
        <Text className='sb-figure figure-standard'>
          {ev.region.name}最低生活保障标准 <Text className='sb-strong'>¥{yuan(ev.standardFen)}</Text>/人·月
          {ev.relativeBoundFen > ev.standardFen ? `；相对困难标准上限 ¥${yuan(ev.relativeBoundFen)}` : ''}
        </Text>
      </View>
      <Text className='sb-section'>为什么是这个结果</Text>
      <ReasonList reasons={ev.reasons} />
    </View>
  )
}

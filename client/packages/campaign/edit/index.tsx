import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import { api } from '../../../services/api'
import { CAMPAIGN_ACTIONS, CAMPAIGN_ACTION_LABELS, CAMPAIGN_KINDS, CAMPAIGN_KIND_LABELS, type CampaignAction, type CampaignKind } from '../../../../types/campaign-labels'
import { OCCUPATION_ORDER, OCCUPATION_TEXT } from '../../../services/labels'
import type { Occupation } from '../../../../types/member'
import { BEIJING_DISTRICTS } from '../../../../types/station-labels'
import { errorText } from '../../../services/errors'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import { Chip } from '../../../components/ui/choice'
import { Field, inputA11y, PickerValue } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'
import '../campaign.css'

const today = () => new Date().toISOString().slice(0, 10)
const plusDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString().slice(0, 10)
/** A date picked on the page means that day in Beijing time. */
const startOf = (day: string) => `${day}T00:00:00+08:00`
const endOf = (day: string) => `${day}T23:59:59+08:00`

export default function EditCampaign() {
  const { params } = useRouter()
  const id = params.id
  const [kind, setKind] = useState<CampaignKind>('send_warmth')
  const [action, setAction] = useState<CampaignAction>('claim')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [from, setFrom] = useState(today())
  const [to, setTo] = useState(plusDays(30))
  const [quota, setQuota] = useState('')
  const [budgetYuan, setBudgetYuan] = useState('')
  const [stationId, setStationId] = useState('')
  const [stations, setStations] = useState<{ id: string; name: string }[]>([])
  const [occupations, setOccupations] = useState<Occupation[]>([])
  const [districts, setDistricts] = useState<string[]>([])
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    // Stations of the staff member's own unions, for claim campaigns.
    api.station
      .stats({ days: 30 })
      .then((s) => setStations(s.items.map((x) => ({ id: x.id, name: x.name }))))
      .catch(() => setStations([]))
    if (id) {
      api.campaign
        .detail({ id })
        .then((c) => {
          setKind(c.kind)
          setAction(c.action)
          setTitle(c.title)
          setBody(c.body)
          setFrom(c.startsAt.slice(0, 10))
          setTo(c.endsAt.slice(0, 10))
          setQuota(c.quota ? String(c.quota) : '')
          setBudgetYuan(c.budgetFen !== null ? String(c.budgetFen / 100) : '')
          setStationId(c.station?.id ?? '')
          setOccupations(c.audience.occupations ?? [])
          setDistricts(c.audience.districts ?? [])
        })
        .catch((e) => Taro.showModal({ title: '加载失败', content: errorText(e), showCancel: false }))
    }
  }, [id])

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

  const save = async (publish: boolean) => {
    if (busy) return
    const local: Record<string, string> = {}
    if (quota && !/^\d+$/.test(quota)) local.quota = '名额应为正整数'
    if (budgetYuan && !/^\d+(\.\d{1,2})?$/.test(budgetYuan)) local.budgetFen = '预算金额格式不正确'
    if (Object.keys(local).length) return setFields(local)
    setBusy(true)
    setFields({})
    try {
      const r = await api.campaign.save({
        ...(id ? { id } : {}),
        kind,
        action,
        title,
        body,
        startsAt: startOf(from),
        endsAt: endOf(to),
        ...(quota ? { quota: Number(quota) } : {}),
        ...(budgetYuan ? { budgetFen: Math.round(Number(budgetYuan) * 100) } : {}),
        ...(stationId && action === 'claim' ? { stationId } : {}),
        audience: { occupations, districts },
      })
      if (publish) await api.campaign.publish({ id: r.id })
      Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success' })
      setTimeout(() => Taro.navigateBack(), 600)
    } catch (e) {
      const err = e as { fields?: Record<string, string> }
      if (err.fields) setFields(err.fields)
      Taro.showModal({ title: '保存失败', content: errorText(e), showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className='wu-page page campaign-edit' title={id ? '修改活动' : undefined}>
      <View className='wu-card'>
        <View className='field'>
          <Text className='label'>活动类型</Text>
          <Picker mode='selector' range={CAMPAIGN_KINDS.map((k) => CAMPAIGN_KIND_LABELS[k])} value={CAMPAIGN_KINDS.indexOf(kind)} onChange={(e) => setKind(CAMPAIGN_KINDS[Number(e.detail.value)])}>
            <PickerValue className='input' label='活动类型' value={CAMPAIGN_KIND_LABELS[kind]} />
          </Picker>
        </View>
        <Field className='field' label='活动标题' error={fields.title} errorClass='error'>
          <Input className='wu-input input edit-title' value={title} maxlength={40} placeholder='例如：冬送温暖：防寒包免费领' onInput={(e) => setTitle(e.detail.value)} {...inputA11y('活动标题', fields.title)} />
        </Field>
        <Field className='field' label='活动说明' error={fields.body} errorClass='error'>
          <Textarea className='wu-textarea textarea edit-body' value={body} maxlength={4000} placeholder='写清楚对象、内容、时间地点和参加方式' onInput={(e) => setBody(e.detail.value)} {...inputA11y('活动说明', fields.body)} />
        </Field>
        <View className='field'>
          <Text className='label'>参加方式</Text>
          <View className='chips' {...a11y({ role: 'group', label: '参加方式' })}>
            {CAMPAIGN_ACTIONS.map((a) => (
              <Chip key={a} className={`chip chip-action-${a}`} onClass='chip-on' on={action === a} onClick={() => setAction(a)}>
                {CAMPAIGN_ACTION_LABELS[a]}
              </Chip>
            ))}
          </View>
        </View>
        <View className='field'>
          <Text className='label'>开始日期</Text>
          <Picker mode='date' value={from} onChange={(e) => setFrom(e.detail.value)}>
            <PickerValue className='input' label='开始日期' value={from} />
          </Picker>
          <Text className='label'>结束日期</Text>
          <Picker mode='date' value={to} onChange={(e) => setTo(e.detail.value)}>
            <PickerValue className='input' label='结束日期' value={to} />
          </Picker>
          {fields.endsAt ? <Text className='error'>{fields.endsAt}</Text> : null}
        </View>
        <Field className='field' label='名额（不填为不限）' error={fields.quota} errorClass='error'>
          <Input className='wu-input input edit-quota' type='number' value={quota} onInput={(e) => setQuota(e.detail.value)} {...inputA11y('名额（不填为不限）', fields.quota)} />
        </Field>
        <Field className='field' label='预算（元，可不填）' error={fields.budgetFen} errorClass='error'>
          <Input className='wu-input input' type='digit' value={budgetYuan} onInput={(e) => setBudgetYuan(e.detail.value)} {...inputA11y('预算（元，可不填）', fields.budgetFen)} />
        </Field>
        {action === 'claim' ? (
          <View className='field'>
            <Text className='label'>领取站点</Text>
            {stations.length ? (
              <Picker mode='selector' range={stations.map((s) => s.name)} onChange={(e) => setStationId(stations[Number(e.detail.value)].id)}>
                <PickerValue className='input edit-station' label='领取站点' value={stations.find((s) => s.id === stationId)?.name ?? '请选择本工会的驿站'} />
              </Picker>
            ) : (
              <Text className='hint'>您所在工会还没有驿站，请先添加驿站</Text>
            )}
            {fields.stationId ? <Text className='error'>{fields.stationId}</Text> : null}
          </View>
        ) : null}
        <View className='field'>
          <Text className='label'>面向职业（不选为全部会员）</Text>
          <View className='chips' {...a11y({ role: 'group', label: '面向职业' })}>
            {OCCUPATION_ORDER.map((o) => (
              <Chip key={o} className='chip' onClass='chip-on' on={occupations.includes(o)} onClick={() => setOccupations(toggle(occupations, o))}>
                {OCCUPATION_TEXT[o]}
              </Chip>
            ))}
          </View>
        </View>
        <View className='field'>
          <Text className='label'>面向地区（不选为全部）</Text>
          <View className='chips' {...a11y({ role: 'group', label: '面向地区' })}>
            {BEIJING_DISTRICTS.map((d) => (
              <Chip key={d.name} className='chip' onClass='chip-on' on={districts.includes(d.name)} onClick={() => setDistricts(toggle(districts, d.name))}>
                {d.name}
              </Chip>
            ))}
          </View>
        </View>
      </View>
      <Btn className='primary save-publish' disabled={busy} loading={busy} onClick={() => save(true)}>
        保存并发布
      </Btn>
      <Btn kind='secondary' className='secondary save-draft' disabled={busy} onClick={() => save(false)}>
        存为草稿
      </Btn>
    </Screen>
  )
}

import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button, Input, Textarea, Picker } from '@tarojs/components'
import { api } from '../../../services/api'
import { CAMPAIGN_ACTIONS, CAMPAIGN_ACTION_LABELS, CAMPAIGN_KINDS, CAMPAIGN_KIND_LABELS, type CampaignAction, type CampaignKind } from '../../../../types/campaign-labels'
import { OCCUPATION_ORDER, OCCUPATION_TEXT } from '../../../services/labels'
import type { Occupation } from '../../../../types/member'
import { BEIJING_DISTRICTS } from '../../../../types/station-labels'
import { errorText } from '../../../services/errors'
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
    <View className='wu-page page campaign-edit'>
      <View className='wu-card'>
        <View className='field'>
          <Text className='label'>活动类型</Text>
          <Picker mode='selector' range={CAMPAIGN_KINDS.map((k) => CAMPAIGN_KIND_LABELS[k])} value={CAMPAIGN_KINDS.indexOf(kind)} onChange={(e) => setKind(CAMPAIGN_KINDS[Number(e.detail.value)])}>
            <View className='input'>{CAMPAIGN_KIND_LABELS[kind]}</View>
          </Picker>
        </View>
        <View className='field'>
          <Text className='label'>活动标题</Text>
          <Input className='input edit-title' value={title} maxlength={40} placeholder='例如：冬送温暖：防寒包免费领' onInput={(e) => setTitle(e.detail.value)} />
          {fields.title ? <Text className='error'>{fields.title}</Text> : null}
        </View>
        <View className='field'>
          <Text className='label'>活动说明</Text>
          <Textarea className='textarea edit-body' value={body} maxlength={4000} placeholder='写清楚对象、内容、时间地点和参加方式' onInput={(e) => setBody(e.detail.value)} />
          {fields.body ? <Text className='error'>{fields.body}</Text> : null}
        </View>
        <View className='field'>
          <Text className='label'>参加方式</Text>
          <View className='chips'>
            {CAMPAIGN_ACTIONS.map((a) => (
              <Text key={a} className={`chip chip-action-${a} ${action === a ? 'chip-on' : ''}`} onClick={() => setAction(a)}>
                {CAMPAIGN_ACTION_LABELS[a]}
              </Text>
            ))}
          </View>
        </View>
        <View className='field'>
          <Text className='label'>开始日期</Text>
          <Picker mode='date' value={from} onChange={(e) => setFrom(e.detail.value)}>
            <View className='input'>{from}</View>
          </Picker>
          <Text className='label'>结束日期</Text>
          <Picker mode='date' value={to} onChange={(e) => setTo(e.detail.value)}>
            <View className='input'>{to}</View>
          </Picker>
          {fields.endsAt ? <Text className='error'>{fields.endsAt}</Text> : null}
        </View>
        <View className='field'>
          <Text className='label'>名额（不填为不限）</Text>
          <Input className='input edit-quota' type='number' value={quota} onInput={(e) => setQuota(e.detail.value)} />
          {fields.quota ? <Text className='error'>{fields.quota}</Text> : null}
        </View>
        <View className='field'>
          <Text className='label'>预算（元，可不填）</Text>
          <Input className='input' type='digit' value={budgetYuan} onInput={(e) => setBudgetYuan(e.detail.value)} />
          {fields.budgetFen ? <Text className='error'>{fields.budgetFen}</Text> : null}
        </View>
        {action === 'claim' ? (
          <View className='field'>
            <Text className='label'>领取站点</Text>
            {stations.length ? (
              <Picker mode='selector' range={stations.map((s) => s.name)} onChange={(e) => setStationId(stations[Number(e.detail.value)].id)}>
                <View className='input edit-station'>{stations.find((s) => s.id === stationId)?.name ?? '请选择本工会的驿站'}</View>
              </Picker>
            ) : (
              <Text className='hint'>您所在工会还没有驿站，请先添加驿站</Text>
            )}
            {fields.stationId ? <Text className='error'>{fields.stationId}</Text> : null}
          </View>
        ) : null}
        <View className='field'>
          <Text className='label'>面向职业（不选为全部会员）</Text>
          <View className='chips'>
            {OCCUPATION_ORDER.map((o) => (
              <Text key={o} className={`chip ${occupations.includes(o) ? 'chip-on' : ''}`} onClick={() => setOccupations(toggle(occupations, o))}>
                {OCCUPATION_TEXT[o]}
              </Text>
            ))}
          </View>
        </View>
        <View className='field'>
          <Text className='label'>面向地区（不选为全部）</Text>
          <View className='chips'>
            {BEIJING_DISTRICTS.map((d) => (
              <Text key={d.name} className={`chip ${districts.includes(d.name) ? 'chip-on' : ''}`} onClick={() => setDistricts(toggle(districts, d.name))}>
                {d.name}
              </Text>
            ))}
          </View>
        </View>
      </View>
      <Button className='primary save-publish' disabled={busy} loading={busy} onClick={() => save(true)}>
        保存并发布
      </Button>
      <Button className='secondary save-draft' disabled={busy} onClick={() => save(false)}>
        存为草稿
      </Button>
    </View>
  )
}

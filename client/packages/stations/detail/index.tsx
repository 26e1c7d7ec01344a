// One station: how to get there, when it is open, what it offers; check in, rate, and (for its keepers
// and union staff) report its live status.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { currentOrigin } from '../../../services/location'
import { LIVE_STATUSES, LIVE_STATUS_LABELS, STATION_KIND_LABELS, type LiveStatus } from '../../../../types/station-labels'
import { awardText, formatClock, formatAge, formatDistance, formatLiveStatus, formatRating, serviceLabel, SERVICE_ICONS } from '../../../components/station/format'
import { beijingWeekday, todayHours, weeklyHours } from '../../../components/station/hours'
import { openMap } from './open-map'
import { errorText, STAFF_ONLY } from '../../../services/errors'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading } from '../../../components/states'
import { loadStations } from '../../../components/station/cache'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import { StationPhotos } from '../../../components/station/photos'
import { Chip } from '../../../components/ui/choice'
import { inputA11y } from '../../../components/ui/field'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import '../../../components/station/station.css'
import '../stations.css'
import './index.css'

const STARS = [1, 2, 3, 4, 5]
const STAR_WORDS = ['', '很差', '较差', '一般', '满意', '非常满意']

export default function StationDetailPage() {
  const { params } = useRouter()
  const id = params?.id ? decodeURIComponent(params.id) : ''
  const [checkingIn, setCheckingIn] = useState(false)
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [rateError, setRateError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [reportStatus, setReportStatus] = useState<LiveStatus | null>(null)
  const [reportNote, setReportNote] = useState('')
  const [reportError, setReportError] = useState<string | null>(null)
  const [reporting, setReporting] = useState(false)
  const page = usePageQuery(
    async () => {
      const o = currentOrigin()
      const d = await api.station.detail(o ? { id, lat: o.lat, lng: o.lng } : { id })
      setStars(d.myRating?.stars ?? 0)
      setComment(d.myRating?.comment ?? '')
      Taro.setNavigationBarTitle({ title: d.name }).catch(() => undefined)
      return d
    },
    { on: id ? 'load' : 'manual', forbidden: STAFF_ONLY },
  )
  const { data: s, setData: setS } = page

  const error = !id ? '没有找到这个站点' : page.signedOut ? '请先登录' : page.error?.message
  if (error && !s) {
    // Offline: what the finder last saw of this station is still enough to get there.
    const cache = loadStations()
    const known = cache?.items.find((x) => x.id === id)
    return (
      <Screen className='wu-page station-page station-detail'>
        <ErrorBlock message={error} onRetry={page.reload} />
        {known && cache ? (
          <View className='section detail-offline'>
            <Text className='notice notice-offline'>离线数据，更新于 {formatClock(cache.savedAt)}</Text>
            <Text className='station-name'>{known.name}</Text>
            <Text className='detail-address'>{known.address}</Text>
            {known.hours ? <Text className='detail-line detail-today'>今日开放：{todayHours(known.hours)}</Text> : null}
            <View className='station-services'>
              {known.services.map((sv) => (
                <Text key={sv} className='service-tag'>
                  {SERVICE_ICONS[sv]} {serviceLabel(sv)}
                </Text>
              ))}
            </View>
            <Btn className='big-button navigate-button' onClick={() => openMap(known)}>
              🧭 导航到这里
            </Btn>
            {known.phone ? (
              <Btn kind='secondary' className='big-button secondary phone-button' onClick={() => Taro.makePhoneCall({ phoneNumber: known.phone! }).catch(() => undefined)}>
                📞 拨打 {known.phone}
              </Btn>
            ) : null}
            {known.hours
              ? weeklyHours(known.hours).map((row) => (
                  <View key={row.day} className='hours-row'>
                    <Text className='hours-day'>{row.label}</Text>
                    <Text className='hours-text'>{row.text}</Text>
                  </View>
                ))
              : null}
          </View>
        ) : null}
      </Screen>
    )
  }
  if (!s)
    return (
      <Screen className='wu-page station-page station-detail'>
        <Loading />
      </Screen>
    )

  const closed = s.status === 'closed'
  const origin = currentOrigin()

  const navigate = () => openMap(s)

  async function checkIn() {
    if (!s || checkingIn) return
    setCheckingIn(true)
    try {
      const r = await api.station.checkIn({ stationId: s.id })
      setS({ ...s, checkedInToday: true, visitCount: r.visitCount })
      Taro.showToast({ title: r.alreadyToday ? '今日已打卡' : '打卡成功', icon: r.alreadyToday ? 'none' : 'success' })
    } catch (e) {
      Taro.showToast({ title: errorText(e, STAFF_ONLY), icon: 'none' })
    } finally {
      setCheckingIn(false)
    }
  }

  async function rate() {
    if (!s || saving) return
    if (stars < 1) return setRateError('请选择 1 到 5 颗星')
    setSaving(true)
    setRateError(null)
    try {
      const text = comment.trim()
      const r = await api.station.rate({ stationId: s.id, stars, comment: text || undefined })
      setS({ ...s, ratingAvg: r.ratingAvg, ratingCount: r.ratingCount, myRating: { stars: r.myStars, comment: text || null } })
      Taro.showToast({ title: '评价已保存', icon: 'success' })
    } catch (e) {
      const field = e instanceof ApiCallError && e.fields ? Object.values(e.fields)[0] : undefined
      setRateError(field ?? errorText(e, STAFF_ONLY))
    } finally {
      setSaving(false)
    }
  }

  async function report() {
    if (!s || !reportStatus || reporting) return
    setReporting(true)
    setReportError(null)
    try {
      const note = reportNote.trim()
      const r = await api.station.report({ stationId: s.id, status: reportStatus, note: note || undefined })
      setS({ ...s, liveStatus: r.liveStatus, liveStatusAt: r.liveStatusAt, liveStatusNote: note || null })
      setReportStatus(null)
      setReportNote('')
      Taro.showToast({ title: '状态已更新', icon: 'success' })
    } catch (e) {
      setReportError(errorText(e, STAFF_ONLY))
    } finally {
      setReporting(false)
    }
  }

  const live = formatLiveStatus(s.liveStatus, s.liveStatusAt)
  const today = beijingWeekday()

  return (
    <Screen className='wu-page station-page station-detail' title={s.name} dataId={s.id}>
      <View className='section'>
        <Text className='station-name'>{s.name}</Text>
        <View className='station-item-row'>
          <Text className='badge badge-plain detail-kind'>{STATION_KIND_LABELS[s.kind]}</Text>
          {closed ? <Text className='badge badge-closed'>已关闭</Text> : <Text className={s.openNow ? 'badge badge-open' : 'badge badge-closed'}>{s.openNow ? '营业中' : '休息中'}</Text>}
        </View>
        <Text className='detail-line detail-today'>今日开放：{todayHours(s.hours)}</Text>
        {live ? (
          <Text className={s.liveStatus !== 'open' ? 'station-live station-live-warn detail-live' : 'station-live detail-live'}>
            {live}
            {s.liveStatusNote ? `（${s.liveStatusNote}）` : ''}
          </Text>
        ) : null}
        {s.awards.length ? (
          <View className='station-awards'>
            {s.awards.map((a) => (
              <Text key={`${a.level}-${a.year}-${a.title ?? ''}`} className='award-badge'>
                🏅 {awardText(a)}
              </Text>
            ))}
          </View>
        ) : null}
        <StationPhotos photos={s.photos} name={s.name} />
      </View>

      <View className='section'>
        <Text className='detail-address'>{s.address}</Text>
        {s.distanceM !== null ? (
          <Text className='detail-line'>
            {origin?.source === 'district' ? `距${origin.label}中心` : '距您'} {formatDistance(s.distanceM)}
          </Text>
        ) : null}
        <Btn className='big-button navigate-button' onClick={navigate}>
          🧭 导航到这里
        </Btn>
        {s.phone ? (
          <Btn kind='secondary' className='big-button secondary phone-button' onClick={() => Taro.makePhoneCall({ phoneNumber: s.phone! }).catch(() => undefined)}>
            📞 拨打 {s.phone}
          </Btn>
        ) : null}
        {closed ? (
          <Text className='notice notice-error'>该站点已关闭，请选择附近其他站点</Text>
        ) : (
          <Btn className='big-button checkin-button' disabled={s.checkedInToday || checkingIn} onClick={() => void checkIn()}>
            {s.checkedInToday ? '✅ 今日已打卡' : checkingIn ? '打卡中…' : '我到了，打卡'}
          </Btn>
        )}
        <Text className='muted'>累计到访 {s.visitCount} 人次 · {s.unionName}</Text>
      </View>

      <View className='section'>
        <Text className='section-title'>提供的服务</Text>
        <View className='station-services detail-services'>
          {s.services.map((sv) => (
            <Text key={sv} className='service-tag'>
              {SERVICE_ICONS[sv]} {serviceLabel(sv)}
            </Text>
          ))}
        </View>
      </View>

      <View className='section'>
        <Text className='section-title'>开放时间</Text>
        {weeklyHours(s.hours).map((row) => (
          <View key={row.day} className={row.day === today ? 'hours-row hours-today' : 'hours-row'}>
            <Text className='hours-day'>{row.label}</Text>
            <Text className='hours-text'>{row.text}</Text>
          </View>
        ))}
      </View>

      <View className='section rating-section'>
        <Text className='section-title'>评价</Text>
        <Text className='detail-rating'>{s.ratingAvg !== null && s.ratingCount ? `★ ${formatRating(s.ratingAvg, s.ratingCount)}` : '暂无评价，来做第一个评价的人'}</Text>
        {!closed ? (
          <View>
            <Text className='muted'>{s.myRating ? '您的评价（可修改）' : '您觉得这里怎么样？'}</Text>
            {/* Stars as a radio group: each says its count and word; the chosen ones are filled (★ / ☆). */}
            <View className='stars' {...a11y({ role: 'radiogroup', label: '评分' })}>
              {STARS.map((n) => (
                <View
                  key={n}
                  className={`star star-${n}${n <= stars ? ' star-on' : ''}`}
                  onClick={() => setStars(n)}
                  {...a11y({ role: 'radio', checked: n === stars, label: `${n}星，${STAR_WORDS[n]}`, focusable: true })}
                  {...keyActivate()}
                >
                  {n <= stars ? '★' : '☆'}
                </View>
              ))}
              <Text className='star-word'>{STAR_WORDS[stars]}</Text>
            </View>
            <Textarea className='detail-textarea rating-comment' value={comment} maxlength={200} placeholder='说说您的感受（选填）' onInput={(e) => setComment(e.detail.value)} {...inputA11y('评价内容（选填）')} />
            {rateError ? (
              <Text className='notice notice-error' {...a11y({ live: 'polite' })}>
                {rateError}
              </Text>
            ) : null}
            <Btn className='big-button rate-button' disabled={saving} onClick={() => void rate()}>
              {saving ? '提交中…' : s.myRating ? '修改评价' : '提交评价'}
            </Btn>
          </View>
        ) : null}
      </View>

      {s.canReport && !closed ? (
        <View className='section report-section'>
          <Text className='section-title'>更新站点状态</Text>
          {s.liveStatusAt ? <Text className='muted'>上次更新：{formatAge(s.liveStatusAt)}</Text> : null}
          <View className='finder-chips'>
            {LIVE_STATUSES.map((st) => (
              <Chip key={st} className={`chip report-${st}`} onClass='chip-on' on={reportStatus === st} onClick={() => setReportStatus(st)}>
                {LIVE_STATUS_LABELS[st]}
              </Chip>
            ))}
          </View>
          <Textarea className='detail-textarea report-note' value={reportNote} maxlength={100} placeholder='补充说明（选填），如：预计下午3点恢复' onInput={(e) => setReportNote(e.detail.value)} {...inputA11y('状态补充说明（选填）')} />
          {reportError ? (
            <Text className='notice notice-error' {...a11y({ live: 'polite' })}>
              {reportError}
            </Text>
          ) : null}
          <Btn className='big-button report-button' disabled={!reportStatus || reporting} onClick={() => void report()}>
            {reporting ? '提交中…' : '更新状态'}
          </Btn>
        </View>
      ) : null}
    </Screen>
  )
}

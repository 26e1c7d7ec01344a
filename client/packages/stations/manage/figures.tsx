// 到访统计 and 最美驿站评选排名: how the stations in scope are used and the award-nomination ranking.
// Live status is reported from each station's detail page (tap a station).
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import { errorText, isForbidden } from '../../../services/errors'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { formatRating } from '../../../components/station/format'
import { a11y, keyActivate } from '../../../components/ui/a11y'

const DAYS = 30

const openDetail = (id: string) => Taro.navigateTo({ url: url('stations/detail', { id }) })

export function StationFigures({ tab }: { tab: 'stats' | 'ranking' }) {
  // Both lists at once; one may fail while the other is shown.
  const page = usePageQuery(
    async () => {
      const [st, rk] = await Promise.allSettled([api.station.stats({ days: DAYS }), api.station.ranking({ limit: 50 })])
      const failed = [st, rk].find((r): r is PromiseRejectedResult => r.status === 'rejected')
      if (failed && isForbidden(failed.reason)) throw failed.reason
      return { stats: st.status === 'fulfilled' ? st.value : null, ranking: rk.status === 'fulfilled' ? rk.value : null, failed: failed ? errorText(failed.reason) : null }
    },
    { login: 'token', on: 'load' },
  )
  const { stats, ranking, failed } = page.data ?? { stats: null, ranking: null, failed: null }
  const error = page.signedOut ? '请先登录' : page.error?.message ?? failed

  if (page.error?.code === 'FORBIDDEN') return <Forbidden />

  return (
    <View>
      {page.loading && !stats && !ranking ? <Loading /> : null}
      {error ? <ErrorBlock message={error} onRetry={page.reload} /> : null}

      {tab === 'stats' && stats ? (
        <View className='manage-stats'>
          <View className='section totals'>
            <View className='total'>
              <Text className='total-value'>{stats.totals.stations}</Text>
              <Text className='total-label'>站点数</Text>
            </View>
            <View className='total'>
              <Text className='total-value'>{stats.totals.visits}</Text>
              <Text className='total-label'>近{stats.days}天到访</Text>
            </View>
            <View className='total'>
              <Text className='total-value'>{stats.totals.ratings}</Text>
              <Text className='total-label'>评价数</Text>
            </View>
            <View className='total'>
              <Text className='total-value'>{stats.totals.ratingAvg ?? '—'}</Text>
              <Text className='total-label'>平均评分</Text>
            </View>
          </View>
          {stats.items.length === 0 ? <Text className='notice notice-info'>您管辖范围内还没有站点</Text> : null}
          {stats.items.map((it) => (
            <View key={it.id} className='manage-row stats-item' data-id={it.id} onClick={() => openDetail(it.id)} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
              <View className='manage-row-head'>
                <Text className='manage-name'>{it.name}</Text>
                <Text className='muted'>{it.district}</Text>
              </View>
              <Text className='manage-meta'>
                近{stats.days}天到访 {it.visits} · 累计 {it.visitsTotal} · {formatRating(it.ratingAvg, it.ratingCount)}
              </Text>
              <Text className='manage-meta'>点此查看详情、更新站点状态 ›</Text>
            </View>
          ))}
        </View>
      ) : null}

      {tab === 'ranking' && ranking ? (
        <View className='manage-ranking'>
          <Text className='notice notice-info'>综合得分 = 群众评价 + 到访人次 + 服务项目 + 资料完整度，可作为“最美驿站”推荐参考。</Text>
          {ranking.items.length === 0 ? <Text className='notice notice-info'>暂无可排名的站点</Text> : null}
          {ranking.items.map((it) => (
            <View key={it.id} className='manage-row ranking-item' data-id={it.id} onClick={() => openDetail(it.id)} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
              <View className='manage-row-head'>
                <Text className='manage-rank'>#{it.rank}</Text>
                <Text className='manage-name'>{it.name}</Text>
                <Text className='manage-score'>{it.score.toFixed(1)}</Text>
              </View>
              <Text className='manage-meta'>
                评价 {it.parts.rating.toFixed(1)} · 到访 {it.parts.visits.toFixed(1)} · 服务 {it.parts.services.toFixed(1)} · 完整度 {it.parts.completeness.toFixed(1)}
              </Text>
              <Text className='manage-meta'>
                {it.district} · {formatRating(it.ratingAvg, it.ratingCount)} · 累计到访 {it.visitCount}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

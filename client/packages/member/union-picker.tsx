// Searchable list of unions that accept members (union.list), shared by register and transfer. The server
// puts the most relevant first (the search, the member's occupation and district, grassroots unions).
import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { api } from '../../services/api'
import { errorText } from '../../services/errors'
import type { Occupation } from '../../../types/member-labels'
import type { UnionSummary } from '../../../types/union'
import { LinkButton } from '../../components/ui/button'
import { inputA11y } from '../../components/ui/field'
import { a11y, keyActivate } from '../../components/ui/a11y'

const LIMIT = 20
const REASON_TEXT = { occupation: '与您的职业相关', district: '在您所在的区' } as const

type Props = {
  picked: UnionSummary | null
  onPick: (u: UnionSummary) => void
  /** Unions not offered (e.g. the member's current union when transferring). */
  excludeId?: string | null
  placeholder?: string
  error?: string | null
  /** The occupation picked in the form: unions that fit it come first (otherwise the server uses the member's own). */
  occupation?: Occupation | null
}

export function UnionPicker({ picked, onPick, excludeId, placeholder, error, occupation }: Props) {
  const [q, setQ] = useState('')
  const [items, setItems] = useState<UnionSummary[] | null>(null)
  const [total, setTotal] = useState(0)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  // After a pick the list folds away, so the form stays short; typing or "重新选择" opens it again.
  const [browsing, setBrowsing] = useState(!picked)

  useEffect(() => {
    let live = true
    const t = setTimeout(
      () => {
        setLoadError(null)
        api.union
          .list({ q: q.trim() || undefined, acceptsMembers: true, limit: LIMIT, ...(occupation ? { occupation } : {}) })
          .then((r) => {
            if (!live) return
            setItems(r.items)
            setTotal(r.total ?? r.items.length)
          })
          .catch((e) => {
            if (!live) return
            setItems([])
            setLoadError(errorText(e))
          })
      },
      q ? 300 : 0,
    )
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [q, attempt, occupation])

  const shown = (items ?? []).filter((u) => u.id !== excludeId)
  return (
    <View className='union-picker'>
      {picked ? (
        <View className='union-picked'>
          <Text className='union-picked-label'>已选择</Text>
          <Text className='union-picked-name'>{picked.name}</Text>
          {picked.parentName ? <Text className='union-parent'>上级：{picked.parentName}</Text> : null}
          {!browsing ? (
            <LinkButton className='union-change' label={`重新选择工会，当前：${picked.name}`} onClick={() => setBrowsing(true)}>
              重新选择
            </LinkButton>
          ) : null}
        </View>
      ) : null}
      <Input
        className={`wu-input input union-search ${error ? 'wu-input-bad input-bad' : ''}`}
        {...inputA11y('搜索工会：输入单位或工会名称', error)}
        value={q}
        placeholder={placeholder ?? '输入单位或工会名称搜索，如“快递”“物业”'}
        onInput={(e) => {
          setQ(e.detail.value)
          setBrowsing(true)
        }}
      />
      {error ? <Text className='error error-unionId'>{error}</Text> : null}
      <View className={`union-options ${browsing ? '' : 'union-options-folded'}`}>
        {items === null ? <Text className='hint'>正在加载工会列表…</Text> : null}
        {loadError ? (
          <LinkButton className='error union-load-error' onClick={() => setAttempt((n) => n + 1)}>
            {loadError}（点此重试）
          </LinkButton>
        ) : null}
        {items !== null && !loadError && shown.length === 0 ? <Text className='hint union-none'>没有找到相关工会，请换个关键词，如单位名称或“快递”“物业”</Text> : null}
        {shown.map((u) => (
          <View key={u.id} className={`union-option ${picked?.id === u.id ? 'union-option-on' : ''}`} onClick={() => {
              onPick(u)
              setBrowsing(false)
            }}
            {...a11y({ role: 'radio', checked: picked?.id === u.id, focusable: true })}
            {...keyActivate()}>
            <Text className='union-name'>{u.name}</Text>
            {u.parentName ? <Text className='union-parent'>上级：{u.parentName}</Text> : null}
            {u.reason ? <Text className={`union-reason union-reason-${u.reason}`}>{REASON_TEXT[u.reason]}</Text> : null}
          </View>
        ))}
        {items !== null && total > items.length ? (
          <Text className='hint union-more'>{`共 ${total} 个工会，这里是最相关的 ${items.length} 个；输入单位或工会名称可以找到其他工会`}</Text>
        ) : null}
      </View>
    </View>
  )
}

// Picking one of the unions in the staff member's scope: the picked one with 更换, or a filterable list.
// `classes` adds each page's own names to the parts (what its tests select on).
import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { UnionSummary } from '../../../types/union'
import { a11y, keyActivate } from '../ui/a11y'
import { inputA11y } from '../ui/field'
import './index.css'

const MAX_SHOWN = 30

type Part = 'picked' | 'change' | 'search' | 'option' | 'optionName'

export interface ScopeUnionPickerProps {
  unions: UnionSummary[]
  picked: UnionSummary | null
  onPick: (u: UnionSummary) => void
  /** Offer the filter box only from this many unions on (default: always). */
  searchFrom?: number
  classes?: Partial<Record<Part, string>>
}

export function ScopeUnionPicker({ unions, picked, onPick, searchFrom = 0, classes = {} }: ScopeUnionPickerProps) {
  const [picking, setPicking] = useState(!picked)
  const [q, setQ] = useState('')
  const c = (part: Part, own: string) => `${own} ${classes[part] ?? ''}`.trim()

  if (picked && !picking)
    return (
      <View className='union-pick-row'>
        <Text className={c('picked', 'union-pick-name')}>{picked.name}</Text>
        {unions.length > 1 ? (
          <Text
            className={c('change', 'union-pick-change')}
            onClick={() => {
              setQ('')
              setPicking(true)
            }}
            {...a11y({ role: 'button', label: `更换工会，当前：${picked.name}`, focusable: true })}
            {...keyActivate()}
          >
            更换
          </Text>
        ) : null}
      </View>
    )

  const shown = unions.filter((u) => !q.trim() || u.name.includes(q.trim()))
  return (
    <View className='union-pick-list'>
      {unions.length >= searchFrom ? <Input className={c('search', 'wu-input union-pick-search')} value={q} placeholder='输入工会名称筛选' onInput={(e) => setQ(e.detail.value)} {...inputA11y('输入工会名称筛选')} /> : null}
      {shown.slice(0, MAX_SHOWN).map((u) => (
        <View
          key={u.id}
          className={`${c('option', 'union-pick-option')}${picked?.id === u.id ? ' union-pick-on' : ''}`}
          onClick={() => {
            onPick(u)
            setPicking(false)
          }}
          {...a11y({ role: 'radio', checked: picked?.id === u.id, focusable: true })}
          {...keyActivate()}
        >
          <Text className={c('optionName', 'union-pick-option-name')}>{u.name}</Text>
          {u.parentName ? <Text className='union-pick-parent'>{`上级：${u.parentName}`}</Text> : null}
        </View>
      ))}
      {!shown.length ? <Text className='union-pick-parent'>没有您管辖范围内的工会</Text> : null}
    </View>
  )
}

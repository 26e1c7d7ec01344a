// Choices: a chip that is on or off (aria-pressed), a row of tabs (one selected), a check box row and a
// star rating. Each state shows by more than colour: a tick, bold text, an underline or filled stars.
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y, keyActivate } from './a11y'
import './ui.css'

export interface ChipProps {
  on: boolean
  onClick: () => void
  className?: string
  /** The page's own "on" class, kept for its styles and tests. */
  onClass?: string
  label?: string
  disabled?: boolean
  children?: ReactNode
}

export function Chip({ on, onClick, className = '', onClass = '', label, disabled, children }: ChipProps) {
  return (
    <View
      className={`wu-chip ${on ? `wu-chip-on ${onClass}` : ''} ${disabled ? 'wu-chip-off' : ''} ${className}`}
      onClick={disabled ? undefined : onClick}
      {...a11y({ role: 'button', pressed: on, label, disabled, focusable: true })}
      {...keyActivate()}
    >
      {on ? <Text className='wu-chip-tick' {...a11y({ hidden: true })}>✓ </Text> : null}
      {children}
    </View>
  )
}

export interface Tab<K extends string> {
  key: K
  label: string
  className?: string
}

export interface TabsProps<K extends string> {
  tabs: Tab<K>[]
  value: K
  onChange: (k: K) => void
  /** Names the row for a screen reader, e.g. 订单状态. */
  label: string
  className?: string
  tabClass?: string
  onClass?: string
}

export function Tabs<K extends string>({ tabs, value, onChange, label, className = '', tabClass = '', onClass = '' }: TabsProps<K>) {
  return (
    <View className={`wu-tabs ${className}`} {...a11y({ role: 'tablist', label })}>
      {tabs.map((t) => {
        const on = t.key === value
        return (
          <View
            key={t.key}
            className={`wu-tab ${tabClass} ${t.className ?? ''} ${on ? `wu-tab-on ${onClass}` : ''}`}
            onClick={() => onChange(t.key)}
            {...a11y({ role: 'tab', selected: on, focusable: true })}
            {...keyActivate()}
          >
            {t.label}
          </View>
        )
      })}
    </View>
  )
}

export interface CheckRowProps {
  checked: boolean
  onChange: (v: boolean) => void
  className?: string
  onClass?: string
  children?: ReactNode
}

/** A check box with its text: the whole row is the touch target. */
export function CheckRow({ checked, onChange, className = '', onClass = '', children }: CheckRowProps) {
  return (
    <View
      className={`wu-check ${checked ? `wu-check-on ${onClass}` : ''} ${className}`}
      onClick={() => onChange(!checked)}
      {...a11y({ role: 'checkbox', checked, focusable: true })}
      {...keyActivate()}
    >
      <Text className='wu-check-box' {...a11y({ hidden: true })}>{checked ? '✓' : ''}</Text>
      <View className='wu-check-text'>{children}</View>
    </View>
  )
}

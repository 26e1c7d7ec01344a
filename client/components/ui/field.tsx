// A form field: its label above, the control, a hint, and the error under it (in words, not only a red
// border). inputA11y() names the control itself for a screen reader, which a placeholder does not.
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y, keyActivate } from './a11y'
import './ui.css'

const WEAPP = process.env.TARO_ENV === 'weapp'

/** Props for a Taro Input or Textarea: on H5 they reach the real <input> inside Taro's element. */
export function inputA11y(label: string, error?: string | null): Record<string, unknown> {
  if (WEAPP) return { 'aria-label': label }
  return { nativeProps: { 'aria-label': label, ...(error ? { 'aria-invalid': 'true' } : {}) } }
}

/** Props for a Taro Image: a text alternative ('' for a picture that only decorates). */
export function imageA11y(alt: string): Record<string, unknown> {
  if (WEAPP) return alt ? { 'aria-role': 'img', 'aria-label': alt } : { 'aria-hidden': 'true' }
  return { nativeProps: { alt } }
}

export interface FieldProps {
  label: string
  error?: string | null
  hint?: string
  className?: string
  /** The page's own classes for the label, error and hint, kept for its styles and tests. */
  errorClass?: string
  children?: ReactNode
}

export function Field({ label, error, hint, className = '', errorClass = '', children }: FieldProps) {
  return (
    <View className={`wu-field ${className}`}>
      <Text className='wu-field-label'>{label}</Text>
      {children}
      {hint ? <Text className='wu-field-hint'>{hint}</Text> : null}
      {error ? (
        <Text className={`wu-field-error ${errorClass}`} {...a11y({ live: 'polite' })}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

/** What a Picker shows: a control named by its label and current value. */
export function PickerValue({ label, value, className = '', children }: { label: string; value: string; className?: string; children?: ReactNode }) {
  return (
    <View className={`wu-picker ${className}`} {...a11y({ role: 'button', label: `${label}：${value}`, focusable: true })} {...keyActivate()}>
      {children ?? value}
      <Text className='wu-picker-arrow' {...a11y({ hidden: true })}>
        ▾
      </Text>
    </View>
  )
}

// A quantity stepper: − and + as named buttons (减少数量 / 增加数量) around the value or an input.
// At a limit the button says so (aria-disabled) and is drawn faded and dashed, not only lighter.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { a11y, keyActivate } from './a11y'
import './ui.css'

export interface StepperProps {
  atMin: boolean
  atMax: boolean
  onMinus: () => void
  onPlus: () => void
  /** What is counted, for the button names (e.g. 赤峰小米的数量). */
  what?: string
  className?: string
  children?: ReactNode
}

export function Stepper({ atMin, atMax, onMinus, onPlus, what = '数量', className = '', children }: StepperProps) {
  return (
    <View className={`stepper wu-stepper ${className}`} {...a11y({ role: 'group', label: what })}>
      <View
        className={`stepper-btn stepper-minus ${atMin ? 'stepper-btn-off' : ''}`}
        onClick={atMin ? undefined : onMinus}
        {...a11y({ role: 'button', label: `减少${what}`, disabled: atMin, focusable: true })}
        {...keyActivate()}
      >
        −
      </View>
      {children}
      <View
        className={`stepper-btn stepper-plus ${atMax ? 'stepper-btn-off' : ''}`}
        onClick={atMax ? undefined : onPlus}
        {...a11y({ role: 'button', label: `增加${what}`, disabled: atMax, focusable: true })}
        {...keyActivate()}
      >
        +
      </View>
    </View>
  )
}

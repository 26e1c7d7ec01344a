// The buttons every page uses. Primary: the one main step of a screen (filled red); secondary: other
// steps (red outline); plain: neutral (grey outline); danger / success: a decision (filled). A disabled
// button looks disabled and says so; a live one never does (Taro H5 marks disabled={false} as disabled,
// so false is never passed on). LinkButton: a text action (购物车, 明细) with a full-size touch target.
import type { ReactNode } from 'react'
import { Button, View } from '@tarojs/components'
import { a11y, keyActivate } from './a11y'
import './ui.css'

const WEAPP = process.env.TARO_ENV === 'weapp'

export type BtnKind = 'primary' | 'secondary' | 'plain' | 'danger' | 'success'

export interface BtnProps {
  kind?: BtnKind
  /** lg: full width, the big touch target; md: full width, smaller text; sm: fits its text. */
  size?: 'lg' | 'md' | 'sm'
  className?: string
  disabled?: boolean
  loading?: boolean
  /** What a screen reader says when the visible text is not enough. */
  label?: string
  pressed?: boolean
  /** Element id (tests and WeChat's privacy check find a button by it). */
  id?: string
  /** WeChat open capability (e.g. agreePrivacyAuthorization); ignored on H5. */
  openType?: never
  onClick?: () => void
  children?: ReactNode
}

export function Btn({ kind = 'primary', size = 'lg', className = '', disabled, loading, label, pressed, id, openType, onClick, children }: BtnProps) {
  return (
    <Button
      id={id}
      openType={openType}
      className={`wu-btn wu-btn-${kind} wu-btn-${size} ${className}`}
      disabled={disabled || undefined}
      loading={loading || undefined}
      onClick={onClick}
      // A native button on weapp; on H5 Taro draws a custom element, named a button here.
      {...a11y({ role: WEAPP ? undefined : 'button', label, disabled, pressed, focusable: true })}
      {...keyActivate()}
    >
      {children}
    </Button>
  )
}

export interface LinkButtonProps {
  className?: string
  label?: string
  onClick: () => void
  children?: ReactNode
  expanded?: boolean
}

export function LinkButton({ className = '', label, onClick, children, expanded }: LinkButtonProps) {
  return (
    <View className={`wu-link ${className}`} onClick={onClick} {...a11y({ role: 'button', label, expanded, focusable: true })} {...keyActivate()}>
      {children}
    </View>
  )
}

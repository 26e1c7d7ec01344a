// Every page's root. It carries 长辈版 (.wu-elder switches the design tokens) and, on weapp, WeChat's
// font scale (--wu-font-scale); on H5 it adds what WeChat draws natively: a header with the page title
// (from the page's navigationBarTitleText) and a way back (返回, or 首页 when the page was opened first).
import { useState, type ReactNode } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useElder } from '../../hooks/elder'
import { url } from '../../services/routes'
import { a11y } from './a11y'
import { LinkButton } from './button'
import './ui.css'

const WEAPP = process.env.TARO_ENV === 'weapp'
const HOME = url('index')

function configTitle(): string {
  try {
    const page = Taro.getCurrentInstance?.()?.page as { config?: { navigationBarTitleText?: string } } | undefined
    return page?.config?.navigationBarTitleText ?? ''
  } catch {
    return ''
  }
}

function stackDepth(): number {
  try {
    return Taro.getCurrentPages().length
  } catch {
    return 1
  }
}

function Header({ title, home }: { title: string; home?: boolean }) {
  const [depth, setDepth] = useState(1)
  useDidShow(() => setDepth(stackDepth()))
  const back = depth > 1
  return (
    <View className='wu-header' {...a11y({ role: 'banner' })}>
      {back ? (
        <LinkButton className='wu-header-back' label='返回上一页' onClick={() => Taro.navigateBack()}>
          ‹ 返回
        </LinkButton>
      ) : !home ? (
        <LinkButton className='wu-header-back wu-header-home' label='返回首页' onClick={() => Taro.reLaunch({ url: HOME })}>
          ‹ 首页
        </LinkButton>
      ) : null}
      <Text className='wu-header-title' {...a11y({ role: 'heading', level: 1 })}>
        {title}
      </Text>
    </View>
  )
}

export interface ScreenProps {
  /** The page's own classes (its root), kept for its styles and tests. */
  className?: string
  /** Defaults to the page's navigationBarTitleText. */
  title?: string
  /** The home page: no way back. */
  home?: boolean
  /** data-id on the page's own root (tests find a loaded page by it). */
  dataId?: string
  children?: ReactNode
}

export function Screen({ className = '', title, home, dataId, children }: ScreenProps) {
  const elder = useElder()
  const [shown] = useState(() => title ?? configTitle())
  return (
    <View className={`wu-screen ${elder.on ? 'wu-elder' : ''}`} style={WEAPP && elder.scale !== 1 ? `--wu-font-scale:${elder.scale}` : undefined}>
      {WEAPP ? null : <Header title={title ?? shown} home={home} />}
      <View className={`wu-main ${className}`} data-id={dataId} {...a11y({ role: 'main' })}>
        {children}
      </View>
    </View>
  )
}

// Loading, empty and error blocks shared by pages: large text, one clear next step.
import { View, Text, Button } from '@tarojs/components'
import './index.css'

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state state-loading'>
      <Text className='state-text'>{text}</Text>
    </View>
  )
}

export function Empty({ text, action, onAction }: { text: string; action?: string; onAction?: () => void }) {
  return (
    <View className='state state-empty'>
      <Text className='state-text'>{text}</Text>
      {action && onAction ? (
        <Button className='state-button' onClick={onAction}>
          {action}
        </Button>
      ) : null}
    </View>
  )
}

export function ErrorBlock({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='state state-error'>
      <Text className='state-text'>{message}</Text>
      {onRetry ? (
        <Button className='state-button' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  )
}

// The page states every page shares: loading, empty, error with 重试 and the foot of a paged list
// (staff only: forbidden.tsx). Large text, one clear next step; a screen reader hears each state change.
import { View, Text } from '@tarojs/components'
import { a11y } from '../ui/a11y'
import { Btn } from '../ui/button'
import './index.css'

type BlockProps = { kind: 'loading' | 'empty' | 'error'; text: string; action?: string; onAction?: () => void }

function Block({ kind, text, action, onAction }: BlockProps) {
  return (
    <View className={`state state-${kind}`} {...a11y({ role: kind === 'error' ? 'alert' : 'status' })}>
      <Text className='state-text'>{text}</Text>
      {action && onAction ? (
        <Btn className='state-button' onClick={onAction}>
          {action}
        </Btn>
      ) : null}
    </View>
  )
}

export const Loading = ({ text = '加载中…' }: { text?: string }) => <Block kind='loading' text={text} />

export const Empty = (p: { text: string; action?: string; onAction?: () => void }) => <Block kind='empty' {...p} />

export const ErrorBlock = ({ message, onRetry }: { message: string; onRetry?: () => void }) => <Block kind='error' text={message} action='重试' onAction={onRetry} />

/** Under a paged list: 加载更多 while there is more (retry after a failure), else the end line if given. */
export function LoadMore({ list, end }: { list: { hasMore: boolean; more: { loading: boolean; error: string | null }; loadMore: () => void }; end?: string }) {
  const { hasMore, more } = list
  if (!hasMore) return end ? <Text className='state-end'>{end}</Text> : null
  return (
    <Btn kind='secondary' size='md' className='state-more load-more' loading={more.loading} disabled={more.loading} onClick={() => list.loadMore()}>
      {more.loading ? '加载中…' : more.error ? `${more.error}，点此重试` : '加载更多'}
    </Btn>
  )
}

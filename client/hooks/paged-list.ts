// A list read page by page: the first page through usePageQuery (show, pull-down, retry, deps), the next
// ones on 加载更多 or on reaching the bottom, appended without repeating an item. A page that arrives after
// the list was loaded again is dropped.
import { useEffect, useRef, useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { errorText } from '../services/errors'
import { usePageQuery, type PageQuery, type PageQueryOptions } from './page-query'

export interface Page<T, C = string> {
  items: T[]
  nextCursor: C | null
}

export interface MoreState {
  loading: boolean
  /** Why the last 加载更多 failed. */
  error: string | null
}

type Loaded<T, R, C> = { first: R; items: T[]; cursor: C | null }
type ItemOf<R> = R extends Page<infer T, unknown> ? T : never
type CursorOf<R> = R extends { nextCursor: infer C } ? NonNullable<C> : never

export interface PagedList<T, R> extends Omit<PageQuery<unknown>, 'data' | 'setData'> {
  /** The last first page's whole answer, for what comes with it (counts, filter values); kept while the list loads again. */
  first: R | null
  items: T[] | null
  hasMore: boolean
  more: MoreState
  loadMore: () => Promise<void>
}

export function usePagedList<R extends Page<unknown, unknown>, T = ItemOf<R>, C = CursorOf<R>>(
  fetch: (cursor: C | undefined) => Promise<R>,
  key: (item: T) => string,
  opts: PageQueryOptions = {},
): PagedList<T, R> {
  const { data, setData, ...q } = usePageQuery<Loaded<T, R, C>>(async () => {
    const r = await fetch(undefined)
    return { first: r, items: r.items as T[], cursor: r.nextCursor as C | null }
  }, opts)
  const [more, setMore] = useState<MoreState>({ loading: false, error: null })
  const shown = useRef(data)
  shown.current = data
  const lastFirst = useRef<R | null>(null)
  if (data) lastFirst.current = data.first
  useEffect(() => setMore({ loading: false, error: null }), [data?.first])

  const loadMore = async () => {
    const base = data
    if (!base || base.cursor === null || more.loading || q.loading) return
    setMore({ loading: true, error: null })
    try {
      const r = await fetch(base.cursor)
      if (shown.current !== base) return
      setData((d) => {
        if (d !== base) return d
        const seen = new Set(d.items.map(key))
        return { ...d, items: [...d.items, ...(r.items as T[]).filter((x) => !seen.has(key(x)))], cursor: r.nextCursor as C | null }
      })
      setMore({ loading: false, error: null })
    } catch (e) {
      if (shown.current === base) setMore({ loading: false, error: errorText(e) })
    }
  }
  const latest = useRef(loadMore)
  latest.current = loadMore
  useReachBottom(() => void latest.current())

  return { ...q, first: lastFirst.current, items: data?.items ?? null, hasMore: !!data && data.cursor !== null, more, loadMore }
}

// 帮扶资金预算 (staff): each union's yearly budget per relief programme, what has been paid from it and what
// is left. Staff raise or lower a total (never below what was already paid; the server checks again) and
// arrange a budget for a programme that has none yet. Only unions in the caller's scope are listed.
import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { ensureLogin, unionsInScope } from '../../../services/session'
import type { ActionOutput } from '../../../../types/contract'
import type { UnionSummary } from '../../../../types/union'
import { yuan } from '../../../../types/subsidy-labels'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { BUDGET_PROGRAMMES, MAX_BUDGET_FEN, errorText, fenToInput, isForbidden, parseYuan, todayBeijing, type FieldErrors } from '../shared'
import '../subsidy.css'

type Row = ActionOutput<'subsidy', 'budgets'>['items'][number]
type Group = { unionId: string; unionName: string; rows: Row[] }

const keyOf = (r: { unionId: string; programme: string }) => `${r.unionId}/${r.programme}`
/** Less than a tenth left of a budget: staff should top it up before payments are refused. */
const isLow = (r: Pick<Row, 'totalFen' | 'remainingFen'>) => r.totalFen > 0 && r.remainingFen * 10 < r.totalFen
const percent = (r: Pick<Row, 'totalFen' | 'spentFen'>) => (r.totalFen > 0 ? Math.min(100, Math.round((r.spentFen / r.totalFen) * 100)) : 0)

function groupByUnion(items: Row[]): Group[] {
  const groups = new Map<string, Group>()
  for (const r of items) {
    const g = groups.get(r.unionId) ?? { unionId: r.unionId, unionName: r.unionName, rows: [] }
    g.rows.push(r)
    groups.set(r.unionId, g)
  }
  // Programmes in the policy's order (the server sorts by id); any it does not know of go last.
  const rank = (id: string) => {
    const i = BUDGET_PROGRAMMES.findIndex((p) => p.id === id)
    return i < 0 ? BUDGET_PROGRAMMES.length : i
  }
  for (const g of groups.values()) g.rows.sort((a, b) => rank(a.programme) - rank(b.programme))
  return [...groups.values()]
}

/** Server errors on the form: field messages by key, and anything else as one line. */
function serverErrors(e: unknown): { fields: FieldErrors; message: string | null } {
  if (e instanceof ApiCallError && e.code === 'VALIDATION_FAILED' && e.fields && Object.keys(e.fields).length) {
    const fields: FieldErrors = { ...e.fields }
    // "预算不能少于已发放的 ¥1,000.00" says more than the field's short text.
    if (fields.totalFen && Object.keys(fields).length === 1) fields.totalFen = e.message
    const known = ['unionId', 'programme', 'totalFen']
    const other = Object.entries(fields).filter(([k]) => !known.includes(k))
    return { fields, message: other.length ? other[0][1] : null }
  }
  if (isForbidden(e)) return { fields: {}, message: e instanceof ApiCallError && e.message ? e.message : '您没有管理该工会预算的权限' }
  return { fields: {}, message: errorText(e) }
}

type AddForm = { union: UnionSummary | null; programme: string | null; total: string; picking: boolean; q: string }

export default function SubsidyBudget() {
  const thisYear = Number(todayBeijing().slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [items, setItems] = useState<Row[] | null>(null)
  const [error, setError] = useState<{ message: string; forbidden: boolean } | null>(null)
  // Adjusting one row.
  const [editing, setEditing] = useState<string | null>(null)
  const [editValue, setEditValue] = useState('')
  const [editErrors, setEditErrors] = useState<FieldErrors>({})
  const [editTop, setEditTop] = useState<string | null>(null)
  // Arranging a new budget.
  const [adding, setAdding] = useState(false)
  const [unions, setUnions] = useState<UnionSummary[] | null>(null)
  const [unionsError, setUnionsError] = useState<string | null>(null)
  const [add, setAdd] = useState<AddForm>({ union: null, programme: null, total: '', picking: false, q: '' })
  const [addErrors, setAddErrors] = useState<FieldErrors>({})
  const [addTop, setAddTop] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  const shownYear = useRef(year)

  const load = async (y: number = year) => {
    shownYear.current = y
    try {
      if (!(await ensureLogin())) return
      const r = await api.subsidy.budgets({ year: y })
      if (shownYear.current !== y) return // the other year was picked meanwhile
      setError(null)
      setItems(r.items)
    } catch (e) {
      if (shownYear.current === y) setError({ message: errorText(e), forbidden: isForbidden(e) })
    } finally {
      Taro.stopPullDownRefresh()
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  const pickYear = (y: number) => {
    if (y === year) return
    setYear(y)
    setItems(null)
    setError(null)
    setEditing(null)
    setAdding(false)
    void load(y)
  }

  const retry = () => {
    setError(null)
    setItems(null)
    void load()
  }

  // ---- adjusting a total ----

  const startEdit = (r: Row) => {
    setEditing(keyOf(r))
    setEditValue(fenToInput(r.totalFen))
    setEditErrors({})
    setEditTop(null)
  }

  const saveEdit = async (r: Row) => {
    if (inFlight.current) return
    const p = parseYuan(editValue, { maxFen: MAX_BUDGET_FEN, empty: '请填写新的预算总额' })
    if (!p.ok) return setEditErrors({ totalFen: p.error })
    if (p.fen < r.spentFen) return setEditErrors({ totalFen: `预算不能少于已发放的 ¥${yuan(r.spentFen)}` })
    if (p.fen === r.totalFen) return setEditErrors({ totalFen: '新的预算总额与原来相同' })
    setEditErrors({})
    setEditTop(null)
    const ok = await Taro.showModal({
      title: '确认调整预算',
      content: `${r.unionName}${r.year}年“${r.name}”预算由 ¥${yuan(r.totalFen)} 调整为 ¥${yuan(p.fen)}（已发放 ¥${yuan(r.spentFen)}）。`,
      confirmText: '确认调整',
    })
    if (!ok.confirm) return
    inFlight.current = true
    setBusy(true)
    try {
      const row = await api.subsidy.setBudget({ unionId: r.unionId, programme: r.programme, year: r.year, totalFen: p.fen })
      setItems((list) => (list ?? []).map((x) => (keyOf(x) === keyOf(row) && x.year === row.year ? row : x)))
      setEditing(null)
      Taro.showToast({ title: '预算已调整', icon: 'success' })
      void load()
    } catch (e) {
      const s = serverErrors(e)
      setEditErrors(s.fields)
      setEditTop(s.message)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  // ---- arranging a new budget ----

  const loadUnions = async () => {
    setUnionsError(null)
    try {
      const me = await ensureLogin()
      if (!me) return
      const r = await api.union.list({ limit: 100 })
      const mine = unionsInScope(r.items, me)
      setUnions(mine)
      setAdd((f) => (f.union ? f : { ...f, union: mine.find((u) => u.id === me.staffUnionId) ?? mine[0] ?? null }))
    } catch (e) {
      setUnionsError(errorText(e))
    }
  }

  const openAdd = () => {
    setAdding(true)
    setEditing(null)
    setAdd({ union: null, programme: null, total: '', picking: false, q: '' })
    setAddErrors({})
    setAddTop(null)
    void loadUnions()
  }

  const existing = (unionId: string | undefined, programme: string) => (items ?? []).some((r) => r.unionId === unionId && r.programme === programme)

  const saveAdd = async () => {
    if (inFlight.current) return
    const errors: FieldErrors = {}
    if (!add.union) errors.unionId = '请选择工会'
    const programme = BUDGET_PROGRAMMES.find((p) => p.id === add.programme)
    if (!programme) errors.programme = '请选择帮扶项目'
    else if (existing(add.union?.id, programme.id)) errors.programme = '该项目已有预算，请在列表中调整'
    const p = parseYuan(add.total, { maxFen: MAX_BUDGET_FEN, empty: '请填写预算总额' })
    if (!p.ok) errors.totalFen = p.error
    else if (p.fen <= 0) errors.totalFen = '预算总额应大于0'
    setAddErrors(errors)
    setAddTop(null)
    if (Object.keys(errors).length || !p.ok || !programme || !add.union) return
    const union = add.union
    const ok = await Taro.showModal({
      title: '确认安排预算',
      content: `为${union.name}安排${year}年“${programme.name}”预算 ¥${yuan(p.fen)}。`,
      confirmText: '确认',
    })
    if (!ok.confirm) return
    inFlight.current = true
    setBusy(true)
    try {
      await api.subsidy.setBudget({ unionId: union.id, programme: programme.id, year, totalFen: p.fen })
      setAdding(false)
      Taro.showToast({ title: '预算已安排', icon: 'success' })
      setItems(null)
      void load()
    } catch (e) {
      const s = serverErrors(e)
      setAddErrors(s.fields)
      setAddTop(s.message)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  if (error?.forbidden)
    return (
      <View className='sb-page'>
        <View className='sb-card sb-forbidden forbidden'>
          <Text className='sb-result-title'>仅限工会工作人员使用</Text>
          <Text className='sb-hint'>您的账号没有查看帮扶资金预算的权限。</Text>
        </View>
      </View>
    )

  const totals = (items ?? []).reduce((t, r) => ({ total: t.total + r.totalFen, spent: t.spent + r.spentFen, remaining: t.remaining + r.remainingFen }), { total: 0, spent: 0, remaining: 0 })
  const err = (fields: FieldErrors, k: string) => (fields[k] ? <Text className={`sb-error error-${k}`}>{fields[k]}</Text> : null)
  const shownUnions = (unions ?? []).filter((u) => !add.q.trim() || u.name.includes(add.q.trim()))

  const addForm = (
    <View className='sb-card budget-add-form'>
      <Text className='sb-section'>{`新增${year}年预算`}</Text>
      {addTop ? <Text className='sb-top-error add-top-error'>{addTop}</Text> : null}
      <Text className='sb-label'>工会</Text>
      {unionsError ? (
        <View>
          <Text className='sb-error'>{`工会列表加载失败：${unionsError}`}</Text>
          <Text className='sb-link add-unions-retry' onClick={() => void loadUnions()}>
            重试
          </Text>
        </View>
      ) : !unions ? (
        <Text className='sb-hint'>正在加载工会…</Text>
      ) : add.union && !add.picking ? (
        <View className='sb-row'>
          <Text className='sb-value add-union'>{add.union.name}</Text>
          {unions.length > 1 ? (
            <Text className='sb-link add-union-change' onClick={() => setAdd({ ...add, picking: true, q: '' })}>
              更换
            </Text>
          ) : null}
        </View>
      ) : (
        <View>
          {unions.length > 8 ? <Input className='sb-input add-union-search' value={add.q} placeholder='输入工会名称筛选' onInput={(e) => setAdd({ ...add, q: e.detail.value })} /> : null}
          {shownUnions.slice(0, 30).map((u) => (
            <View key={u.id} className={`sb-option add-union-option ${add.union?.id === u.id ? 'sb-option-on' : ''}`} onClick={() => setAdd({ ...add, union: u, picking: false })}>
              <Text className='sb-option-name'>{u.name}</Text>
              {u.parentName ? <Text className='sb-hint'>{`上级：${u.parentName}`}</Text> : null}
            </View>
          ))}
          {!shownUnions.length ? <Text className='sb-hint'>没有您管辖范围内的工会</Text> : null}
        </View>
      )}
      {err(addErrors, 'unionId')}
      <Text className='sb-label'>帮扶项目</Text>
      <View className='sb-chips'>
        {BUDGET_PROGRAMMES.map((p) => {
          const has = existing(add.union?.id, p.id)
          return (
            <Text
              key={p.id}
              className={`sb-chip add-programme-${p.id} ${add.programme === p.id ? 'sb-chip-on' : ''} ${has ? 'sb-chip-static' : ''}`}
              onClick={() => !has && setAdd({ ...add, programme: p.id })}
              aria-disabled={has || undefined}
            >
              {has ? `${p.name}（已安排）` : p.name}
            </Text>
          )
        })}
      </View>
      {err(addErrors, 'programme')}
      <Text className='sb-label'>预算总额</Text>
      <View className='sb-money-row'>
        <Input className={`sb-input add-total ${addErrors.totalFen ? 'sb-input-bad' : ''}`} type='digit' value={add.total} placeholder='例如 50000' onInput={(e) => setAdd({ ...add, total: e.detail.value })} />
        <Text className='sb-unit'>元</Text>
      </View>
      {err(addErrors, 'totalFen')}
      <View className='sb-actions'>
        <Button className='sb-plain add-cancel' onClick={() => setAdding(false)}>
          取消
        </Button>
        <Button className='sb-danger add-save' disabled={busy || undefined} loading={busy || undefined} onClick={saveAdd}>
          保存预算
        </Button>
      </View>
    </View>
  )

  return (
    <View className='sb-page subsidy-budget'>
      <View className='sb-tabs'>
        {[thisYear, thisYear - 1].map((y) => (
          <Text key={y} className={`sb-tab ${y === thisYear ? 'year-this' : 'year-last'} ${year === y ? 'sb-tab-on' : ''}`} onClick={() => pickYear(y)}>
            {y === thisYear ? `今年 ${y}` : `去年 ${y}`}
          </Text>
        ))}
      </View>
      {error ? (
        <ErrorBlock message={error.message} onRetry={retry} />
      ) : !items ? (
        <Loading text='正在加载预算…' />
      ) : (
        <View>
          {items.length ? (
            <View className='sb-card sb-budget-summary budget-summary'>
              <Text className='sb-result-title'>{`${year}年预算合计`}</Text>
              <Text className='sb-budget-sum summary-total'>{`¥${yuan(totals.total)}`}</Text>
              <Text className='sb-meta summary-spent'>{`已发放 ¥${yuan(totals.spent)} · 剩余 ¥${yuan(totals.remaining)}`}</Text>
            </View>
          ) : null}
          {adding ? (
            addForm
          ) : (
            <Button className='sb-secondary sb-budget-add budget-add' onClick={openAdd}>
              新增预算
            </Button>
          )}
          {items.length === 0 ? (
            <Empty text={year === thisYear ? '本年度还没有安排预算' : `${year}年度没有安排预算`} />
          ) : (
            groupByUnion(items).map((g) => (
              <View key={g.unionId} className='sb-card budget-union'>
                <Text className='sb-section budget-union-name'>{g.unionName}</Text>
                {g.rows.map((r) => {
                  const low = isLow(r)
                  const key = keyOf(r)
                  return (
                    <View key={key} className={`sb-budget budget-row budget-${r.programme} ${low ? 'budget-low' : ''}`}>
                      <View className='sb-row'>
                        <Text className='sb-programme-name budget-name'>{r.name}</Text>
                        <Text className='sb-value budget-total'>{`¥${yuan(r.totalFen)}`}</Text>
                      </View>
                      <View className='sb-bar'>
                        <View className={`sb-bar-fill ${low ? 'sb-bar-low' : ''}`} style={{ width: `${percent(r)}%` }} />
                      </View>
                      <View className='sb-row'>
                        <Text className='sb-meta budget-spent'>{`已发放 ¥${yuan(r.spentFen)}（${percent(r)}%）`}</Text>
                        <Text className={`sb-meta budget-remaining ${low ? 'sb-budget-warn' : ''}`}>{`剩余 ¥${yuan(r.remainingFen)}`}</Text>
                      </View>
                      {low ? <Text className='sb-budget-warning budget-warning'>{r.remainingFen <= 0 ? '预算已用完，发放会被拒绝，请及时追加' : '剩余不足10%，请及时追加预算'}</Text> : null}
                      {editing === key ? (
                        <View className='sb-budget-edit budget-edit'>
                          {editTop ? <Text className='sb-top-error budget-top-error'>{editTop}</Text> : null}
                          <Text className='sb-label'>新的预算总额</Text>
                          <View className='sb-money-row'>
                            <Input className={`sb-input budget-input ${editErrors.totalFen ? 'sb-input-bad' : ''}`} type='digit' value={editValue} onInput={(e) => setEditValue(e.detail.value)} />
                            <Text className='sb-unit'>元</Text>
                          </View>
                          {err(editErrors, 'totalFen')}
                          <View className='sb-actions'>
                            <Button className='sb-plain budget-cancel' onClick={() => setEditing(null)}>
                              取消
                            </Button>
                            <Button className='sb-danger budget-save' disabled={busy || undefined} loading={busy || undefined} onClick={() => saveEdit(r)}>
                              确认调整
                            </Button>
                          </View>
                        </View>
                      ) : (
                        <View className='sb-row sb-toolbar'>
                          <Text className='sb-link budget-adjust' onClick={() => startEdit(r)}>
                            调整预算
                          </Text>
                        </View>
                      )}
                    </View>
                  )
                })}
              </View>
            ))
          )}
        </View>
      )}
    </View>
  )
}

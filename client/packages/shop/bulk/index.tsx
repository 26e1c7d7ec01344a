// Staff: a union buys relief products in bulk (e.g. 2,700 holiday gift packs) with an invoice, then pays.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { currentUser, isStaff } from '../../../services/session'
import { scopeUnions } from '../../../services/unions'
import type { UnionSummary } from '../../../../types/union'
import { qtyProblem } from '../staff'
import type { Category, ProductSummary } from '../../../../types/shop'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { ScopeUnionPicker } from '../../../components/scope-union-picker'
import { CATEGORY_ORDER, CATEGORY_TEXT, MAX_LINES, yuan } from '../labels'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { ADDRESS_FIELDS, addressProblems, cleanAddress, invoiceTitleProblem, newRequestId, taxNoProblem, type AddressField, type AddressForm } from '../validate'
import '../shop.css'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { Chip } from '../../../components/ui/choice'
import { inputA11y } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'

type Line = { productId: string; name: string; unit: string; memberPriceFen: number; stock: number; sellerId: string; qty: string }

const ADDRESS_LABELS: Record<AddressField, string> = { name: '收货联系人', phone: '联系电话', region: '所在地区', detail: '详细地址' }

export default function BulkPage() {
  // Who is buying: staff only, for a union in their scope (their own to start with).
  const page = usePageQuery(
    async () => {
      const me = await currentUser(true)
      return me && isStaff(me) ? scopeUnions(me) : 'denied'
    },
    { login: 'required', on: 'load' },
  )
  const scope = page.data === 'denied' ? null : page.data
  const [picked, setPicked] = useState<UnionSummary | null>(null)
  const union = picked ?? scope?.own ?? null
  const [q, setQ] = useState('')
  const [category, setCategory] = useState<Category | null>('gift_pack')
  const [found, setFound] = useState<ProductSummary[] | null>(null)
  const [lines, setLines] = useState<Line[]>([])
  const [typedTitle, setTitle] = useState<string | null>(null)
  // The invoice is made out to the union's committee unless staff typed another title.
  const title = typedTitle ?? (union ? `${union.name}委员会` : '')
  const [taxNo, setTaxNo] = useState('')
  const [addr, setAddr] = useState<AddressForm>({ name: '', phone: '', region: '', detail: '' })
  const [note, setNote] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  const requestId = useRef(newRequestId())

  useEffect(() => {
    if (!scope) return
    let live = true
    const t = setTimeout(() => {
      api.shop
        .products({ q: q.trim() || undefined, category: category ?? undefined, limit: 20 })
        .then((r) => live && setFound(r.items))
        .catch(() => live && setFound([]))
    }, q ? 300 : 0)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [q, category, scope])

  if (page.error || page.data === 'denied' || !scope)
    return (
      <Screen className='wu-page shop-page bulk-page'>
        {page.error ? <ErrorBlock message={page.error.message} onRetry={page.reload} /> : page.data === 'denied' ? <Forbidden /> : <Loading />}
      </Screen>
    )
  const { unions } = scope

  const add = async (p: ProductSummary) => {
    if (lines.some((l) => l.productId === p.id)) return Taro.showToast({ title: '已在采购清单中', icon: 'none' })
    if (lines.length >= MAX_LINES) return Taro.showToast({ title: `一次最多 ${MAX_LINES} 种商品`, icon: 'none' })
    try {
      const d = await api.shop.product({ id: p.id })
      if (lines.length && lines[0].sellerId !== d.unionId) {
        Taro.showModal({ title: '请分开下单', content: '不同工会专柜的商品请分开下单，可先提交当前清单。', showCancel: false })
        return
      }
      setLines((ls) => [...ls, { productId: d.id, name: d.name, unit: d.unit, memberPriceFen: d.memberPriceFen, stock: d.stock, sellerId: d.unionId, qty: '1' }])
    } catch (e) {
      Taro.showModal({ title: '未能添加', content: errorText(e), showCancel: false })
    }
  }

  const total = lines.reduce((s, l) => s + (/^\d+$/.test(l.qty) ? Number(l.qty) : 0) * l.memberPriceFen, 0)

  const submit = async () => {
    if (inFlight.current) return
    const found: Record<string, string> = {}
    if (!union) found.unionId = '请选择采购单位'
    if (!lines.length) found.items = '请至少添加一种商品'
    for (const l of lines) {
      const p = qtyProblem(l.qty, l.stock)
      if (p) found[`qty.${l.productId}`] = p
    }
    const tp = invoiceTitleProblem(title)
    if (tp) found['invoice.title'] = tp
    const xp = taxNoProblem(taxNo)
    if (xp) found['invoice.taxNo'] = xp
    const ap = addressProblems(addr)
    for (const k of ADDRESS_FIELDS) if (ap[k]) found[`delivery.${k}`] = ap[k]!
    if (note.trim().length > 200) found.note = '备注不能超过200个字'
    setFields(found)
    if (Object.keys(found).length) return setError('请检查标红的内容')
    setError(null)
    inFlight.current = true
    setBusy(true)
    try {
      const r = await api.shop.bulkOrder({
        requestId: requestId.current,
        unionId: union!.id,
        items: lines.map((l) => ({ productId: l.productId, qty: Number(l.qty) })),
        invoice: { title: title.trim(), taxNo: taxNo.trim() },
        delivery: cleanAddress(addr),
        note: note.trim() || undefined,
      })
      Taro.redirectTo({ url: url('shop/pay', { orderId: r.orderId }) })
    } catch (e) {
      if (e instanceof ApiCallError && e.fields) setFields(e.fields)
      setError(e instanceof ApiCallError && e.code === 'NETWORK' ? '网络不太好，订单可能未提交成功。请再次提交，不会重复下单。' : errorText(e))
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  const err = (k: string) => (fields[k] ? <Text className={`shop-error error-${k.replace(/\./g, '-')}`}>{fields[k]}</Text> : null)
  return (
    <Screen className='wu-page shop-page bulk-page'>
      <View className='wu-card'>
        <Text className='shop-label'>采购单位</Text>
        <ScopeUnionPicker
          unions={unions}
          picked={union}
          onPick={(u) => {
            setPicked(u)
            if (!title || title.endsWith('委员会')) setTitle(null)
          }}
          classes={{ picked: 'bulk-union', search: 'shop-input bulk-union-search' }}
        />
        {err('unionId')}
      </View>

      <View className='wu-card'>
        <Text className='shop-label'>采购清单</Text>
        {lines.length === 0 ? <Text className='shop-hint'>从下方商品中添加，例如慰问礼包</Text> : null}
        {lines.map((l) => (
          <View key={l.productId} className='line bulk-line'>
            <View className='shop-grow'>
              <Text className='line-name'>{l.name}</Text>
              <Text className='shop-hint'>
                ¥{yuan(l.memberPriceFen)}/{l.unit} · 库存 {l.stock}
              </Text>
              {err(`qty.${l.productId}`)}
            </View>
            <Input className='wu-input shop-input stepper-input bulk-qty' type='number' value={l.qty} onInput={(e) => setLines((ls) => ls.map((x) => (x.productId === l.productId ? { ...x, qty: e.detail.value } : x)))} {...inputA11y(`${l.name}的采购数量`, fields[`qty.${l.productId}`])} />
            <LinkButton className='line-remove' label={`删除${l.name}`} onClick={() => setLines((ls) => ls.filter((x) => x.productId !== l.productId))}>
              删除
            </LinkButton>
          </View>
        ))}
        {err('items')}
        {lines.length ? (
          <View className='shop-row'>
            <Text className='total-text'>合计（会员价）</Text>
            <Text className='shop-price bulk-total'>¥{yuan(total)}</Text>
          </View>
        ) : null}
      </View>

      <View className='wu-card'>
        <Text className='shop-label'>添加商品</Text>
        <Input className='wu-input shop-input bulk-search' value={q} placeholder='搜索商品名称或产地' onInput={(e) => setQ(e.detail.value)} {...inputA11y('搜索商品名称或产地')} />
        <View className='shop-chips' style={{ marginTop: '12px' }} {...a11y({ role: 'group', label: '商品分类' })}>
          <Chip className='shop-chip' onClass='shop-chip-on' on={category === null} onClick={() => setCategory(null)}>
            全部
          </Chip>
          {CATEGORY_ORDER.map((c) => (
            <Chip key={c} className='shop-chip' onClass='shop-chip-on' on={category === c} onClick={() => setCategory(c)}>
              {CATEGORY_TEXT[c]}
            </Chip>
          ))}
        </View>
        {found === null ? <Text className='shop-hint'>加载中…</Text> : null}
        {found?.length === 0 ? <Text className='shop-hint'>没有找到商品</Text> : null}
        {found?.map((p) => (
          <View key={p.id} className='line bulk-product'>
            <View className='shop-grow'>
              <Text className='line-name'>{p.name}</Text>
              <Text className='shop-hint'>
                {p.province}·{p.county} · ¥{yuan(p.memberPriceFen)}/{p.unit} · 库存 {p.stock}
              </Text>
            </View>
            <LinkButton className='shop-link bulk-add' label={`${lines.some((l) => l.productId === p.id) ? '已添加' : '添加'}${p.name}`} onClick={() => void add(p)}>
              {lines.some((l) => l.productId === p.id) ? '已添加' : '添加'}
            </LinkButton>
          </View>
        ))}
      </View>

      <View className='wu-card'>
        <Text className='shop-label'>发票信息</Text>
        <View className='shop-field'>
          <Text className='shop-meta'>发票抬头</Text>
          <Input className={`wu-input shop-input bulk-invoice-title ${fields['invoice.title'] ? 'wu-input-bad shop-input-bad' : ''}`} value={title} maxlength={60} onInput={(e) => setTitle(e.detail.value)} {...inputA11y('发票抬头', fields['invoice.title'])} />
          {err('invoice.title')}
        </View>
        <View className='shop-field'>
          <Text className='shop-meta'>纳税人识别号</Text>
          <Input
            className={`wu-input shop-input bulk-tax-no ${fields['invoice.taxNo'] ? 'wu-input-bad shop-input-bad' : ''}`}
            {...inputA11y('纳税人识别号', fields['invoice.taxNo'])}
            value={taxNo}
            maxlength={20}
            placeholder='18位统一社会信用代码'
            onInput={(e) => setTaxNo(e.detail.value.toUpperCase())}
            onBlur={() => setFields((f) => ({ ...f, 'invoice.taxNo': taxNo ? taxNoProblem(taxNo) ?? '' : f['invoice.taxNo'] ?? '' }))}
          />
          {err('invoice.taxNo')}
        </View>
      </View>

      <View className='wu-card'>
        <Text className='shop-label'>收货信息（送至采购单位）</Text>
        {ADDRESS_FIELDS.map((k) => (
          <View key={k} className='shop-field'>
            <Text className='shop-meta'>{ADDRESS_LABELS[k]}</Text>
            <Input className={`wu-input shop-input bulk-${k} ${fields[`delivery.${k}`] ? 'wu-input-bad shop-input-bad' : ''}`} value={addr[k]} type={k === 'phone' ? 'number' : 'text'} onInput={(e) => setAddr((a) => ({ ...a, [k]: e.detail.value }))} {...inputA11y(ADDRESS_LABELS[k], fields[`delivery.${k}`])} />
            {err(`delivery.${k}`)}
          </View>
        ))}
        <Text className='shop-meta'>备注（可不填）</Text>
        <Textarea className='wu-textarea shop-textarea' value={note} maxlength={200} placeholder='如：春节前送达，分装要求' onInput={(e) => setNote(e.detail.value)} {...inputA11y('备注（可不填）')} />
        {err('note')}
      </View>

      {error ? (
        <Text className='shop-error-box bulk-error' {...a11y({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <View className='shop-bar'>
        <View className='shop-grow'>
          <Text className='total-text'>
            应付 <Text className='shop-price'>¥{yuan(total)}</Text>
          </Text>
        </View>
        <Btn className='shop-primary bulk-submit' loading={busy} disabled={busy} onClick={submit}>
          提交并支付
        </Btn>
      </View>
    </Screen>
  )
}

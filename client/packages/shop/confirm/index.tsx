// Confirm an order: the lines and total, delivery to an address or pickup at a warm station, submit once.
// One request id per visit of this page: a double tap or a retry after a network error finds the same order.
import { useRef, useState } from 'react'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api, ApiCallError } from '../../../services/api'
import { currentUser, ensureLogin } from '../../../services/session'
import { Empty } from '../../../components/states'
import { yuan } from '../labels'
import { bySeller, cartTotal, getBuyNow, loadCart, removeLines, setBuyNow, type CartLine } from '../cart'
import { go, loadAddress, rememberAddress } from '../shared'
import { knownAddress } from '../../../services/known'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { ADDRESS_FIELDS, addressProblem, addressProblems, cleanAddress, newRequestId, type AddressField, type AddressForm } from '../validate'
import { StationPicker, type PickedStation } from '../station-picker'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import { CheckRow, Chip } from '../../../components/ui/choice'
import { inputA11y } from '../../../components/ui/field'
import { a11y } from '../../../components/ui/a11y'
import '../shop.css'

const LABELS: Record<AddressField, { label: string; placeholder: string; max: number }> = {
  name: { label: '收货人', placeholder: '姓名', max: 30 },
  phone: { label: '手机号', placeholder: '11位手机号', max: 20 },
  region: { label: '所在地区', placeholder: '如：北京市朝阳区建外街道', max: 60 },
  detail: { label: '详细地址', placeholder: '街道、楼号、门牌号', max: 120 },
}

const PREFILL_NOTE = {
  device: '已填入本机记住的收货地址，请核对后提交',
  order: '已按您上次订单的收货地址填写，请核对；手机号请补全',
  card: '已填入会员卡上的姓名，请补全收货信息',
} as const

/** The lines this checkout is for: buy-now, one seller's group, or the whole cart (first group if mixed). */
function pickLines(params: Record<string, string | undefined>): { lines: CartLine[]; buyNow: boolean; rest: number } {
  if (params.buyNow) return { lines: getBuyNow(), buyNow: true, rest: 0 }
  const groups = bySeller(loadCart())
  const seller = params.seller ? decodeURIComponent(params.seller) : null
  const group = (seller !== null ? groups.find((g) => g[0].sellerId === seller) : undefined) ?? groups[0] ?? []
  return { lines: group, buyNow: false, rest: groups.length - (group.length ? 1 : 0) }
}

export default function ConfirmPage() {
  const { params } = useRouter()
  const [{ lines, buyNow, rest }] = useState(() => pickLines(params))
  const saved = useState(() => loadAddress())[0]
  const [member, setMember] = useState(true)
  // The member's relief-purchase subsidy left this year (困难职工消费帮扶补贴), when they have a file.
  const [reliefLeft, setReliefLeft] = useState(0)
  const [useRelief, setUseRelief] = useState(false)
  const [mode, setMode] = useState<'address' | 'pickup'>('address')
  const [form, setForm] = useState<AddressForm>(saved ?? { name: '', phone: '', region: '', detail: '' })
  const [problems, setProblems] = useState<Partial<Record<AddressField, string>>>({})
  const [remember, setRemember] = useState(!!saved)
  // Filled from what the app knows (this phone's remembered address, else the last order or the card), for the member to check.
  const [prefilled, setPrefilled] = useState<'device' | 'order' | 'card' | null>(saved ? 'device' : null)
  const [phoneHint, setPhoneHint] = useState<string | null>(null)
  const [station, setStation] = useState<PickedStation | null>(null)
  const [stationError, setStationError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [retry, setRetry] = useState(false)
  const inFlight = useRef(false)
  // Made once when the page opens and reused by every submit of this visit.
  const requestId = useRef(newRequestId())

  useLoad(() => {
    void ensureLogin().then(() =>
      currentUser().then((u) => {
        if (!u) return
        setMember(u.roles.includes('member'))
        if (!saved) void prefill()
        if (u.roles.includes('member'))
          api.subsidy
            .myApplications({})
            .then((r) => setReliefLeft(r.file?.reliefRemainingFen ?? 0))
            .catch(() => setReliefLeft(0))
      }),
    )
  })

  /** Fills only the fields still empty: what the member typed meanwhile stays. */
  const prefill = async () => {
    const k = await knownAddress()
    if (!k.source) return
    setForm((f) => ({ name: f.name || k.name || '', phone: f.phone || k.phone || '', region: f.region || k.region || '', detail: f.detail || k.detail || '' }))
    setPhoneHint(k.phoneMasked ?? null)
    setPrefilled(k.source)
  }

  if (!lines.length) return <Empty text='没有要结算的商品' action='去商城看看' onAction={() => go(url('shop/index'))} />

  const total = cartTotal(lines, member)
  const judge = (k: AddressField, v: string) => setProblems((p) => ({ ...p, [k]: addressProblem(k, v) ?? undefined }))
  const change = (k: AddressField, v: string) => {
    setForm((f) => ({ ...f, [k]: v }))
    // Once a field has been judged, keep its message current while typing.
    if (problems[k] || (k === 'phone' && v.replace(/\D/g, '').length >= 11)) judge(k, v)
  }

  const submit = async () => {
    if (inFlight.current) return
    setError(null)
    let delivery: Parameters<typeof api.shop.createOrder>[0]['delivery']
    if (mode === 'address') {
      const found = addressProblems(form)
      setProblems(found)
      if (Object.keys(found).length) return setError('请先把收货信息填写完整')
      delivery = { type: 'address', ...cleanAddress(form) }
    } else {
      if (!station) {
        setStationError('请选择自提驿站')
        return setError('请选择自提驿站')
      }
      delivery = { type: 'pickup', stationId: station.id }
    }
    inFlight.current = true
    setBusy(true)
    setRetry(false)
    try {
      const r = await api.shop.createOrder({
        requestId: requestId.current,
        items: lines.map((l) => ({ productId: l.productId, qty: l.qty })),
        delivery,
        ...(useRelief ? { reliefSubsidy: true } : {}),
      })
      if (mode === 'address') rememberAddress(remember ? cleanAddress(form) : null)
      if (buyNow) setBuyNow(null)
      else removeLines(lines.map((l) => l.productId))
      Taro.redirectTo({ url: url('shop/pay', { orderId: r.orderId }) })
    } catch (e) {
      const fields = e instanceof ApiCallError ? e.fields : undefined
      if (fields) {
        const mapped: Partial<Record<AddressField, string>> = {}
        for (const k of ADDRESS_FIELDS) if (fields[`delivery.${k}`]) mapped[k] = fields[`delivery.${k}`]
        setProblems((p) => ({ ...p, ...mapped }))
        if (fields['delivery.stationId']) setStationError(fields['delivery.stationId'])
      }
      if (e instanceof ApiCallError && e.code === 'OUT_OF_STOCK') setError(`${e.message}。请返回购物车调整数量后再结算。`)
      else if (e instanceof ApiCallError && (e.code === 'NETWORK' || e.code === 'INTERNAL')) {
        setRetry(true)
        setError('网络不太好，订单可能未提交成功。请点击“重新提交”，不会重复下单。')
      }
      else setError(errorText(e))
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return (
    <Screen className='wu-page shop-page confirm-page'>
      {rest > 0 ? <Text className='shop-notice'>购物车中其他工会专柜的商品需另行结算，本次只结算以下商品。</Text> : null}
      <View className='wu-card'>
        <Text className='shop-label'>商品</Text>
        {lines.map((l) => (
          <View key={l.productId} className='line confirm-line'>
            <View className='shop-grow'>
              <Text className='line-name'>{l.name}</Text>
              <Text className='shop-hint'>
                ¥{yuan(member ? l.memberPriceFen : l.priceFen)} × {l.qty} {l.unit}
              </Text>
            </View>
            <Text className='shop-price'>¥{yuan((member ? l.memberPriceFen : l.priceFen) * l.qty)}</Text>
          </View>
        ))}
      </View>

      <View className='wu-card'>
        <Text className='shop-label'>收货方式</Text>
        <View className='shop-chips' {...a11y({ role: 'group', label: '收货方式' })}>
          <Chip className='shop-chip mode-address' onClass='shop-chip-on' on={mode === 'address'} onClick={() => setMode('address')}>
            快递到家
          </Chip>
          <Chip className='shop-chip mode-pickup' onClass='shop-chip-on' on={mode === 'pickup'} onClick={() => setMode('pickup')}>
            驿站自提
          </Chip>
        </View>
        {mode === 'address' ? (
          <View className='address-form'>
            {prefilled ? <Text className='shop-notice prefill-note'>{PREFILL_NOTE[prefilled]}</Text> : null}
            {ADDRESS_FIELDS.map((k) => (
              <View key={k} className='shop-field'>
                <Text className='shop-label'>{LABELS[k].label}</Text>
                <Input
                  className={`wu-input shop-input addr-${k} ${problems[k] ? 'wu-input-bad shop-input-bad' : ''}`}
                  type={k === 'phone' ? 'number' : 'text'}
                  value={form[k]}
                  maxlength={LABELS[k].max}
                  placeholder={k === 'phone' && phoneHint ? `上次使用 ${phoneHint}，请填写完整号码` : LABELS[k].placeholder}
                  onInput={(e) => change(k, e.detail.value)}
                  onBlur={(e) => judge(k, (e.detail as { value?: string })?.value ?? form[k])}
                  {...inputA11y(LABELS[k].label, problems[k])}
                />
                {problems[k] ? <Text className={`shop-error error-${k}`}>{problems[k]}</Text> : null}
              </View>
            ))}
            <CheckRow className='remember-row' checked={remember} onChange={setRemember}>
              <Text className='shop-meta remember-label'>记住地址（仅保存在本机，下次自动填写）</Text>
            </CheckRow>
          </View>
        ) : (
          <StationPicker picked={station} onPick={(s) => {
              setStation(s)
              setStationError(null)
            }} error={stationError} />
        )}
      </View>

      {reliefLeft > 0 ? (
        <CheckRow className='wu-card relief-row' checked={useRelief} onChange={setUseRelief}>
          <Text className='shop-meta relief-label'>使用消费帮扶补贴（本年度余额 ¥{yuan(reliefLeft)}）</Text>
          <Text className='shop-hint'>只抵扣帮扶地区商品，最多抵扣订单金额的一半，实际抵扣金额在付款页显示</Text>
        </CheckRow>
      ) : null}
      {error ? (
        <Text className='shop-error-box confirm-error' {...a11y({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <View className='shop-bar'>
        <View className='shop-grow'>
          <Text className='total-text'>
            应付 <Text className='shop-price confirm-total'>¥{yuan(total)}</Text>
          </Text>
          <Text className='shop-hint'>{member ? '会员价' : '非会员按原价结算'}</Text>
        </View>
        <Btn size='md' className='shop-primary submit-order' loading={busy} disabled={busy} onClick={submit}>
          {retry && !busy ? '重新提交' : '提交订单'}
        </Btn>
      </View>
    </Screen>
  )
}

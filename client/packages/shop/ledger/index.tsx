// Staff: the relief-purchase ledger (消费帮扶台账) by origin county, category, supplier, month or buying
// union, each row traceable to orders, payments and invoices; CSV export for auditors; link to bulk purchase.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Picker } from '@tarojs/components'
import { api } from '../../../services/api'
import { errorText, STAFF_ONLY } from '../../../services/errors'
import { url } from '../../../services/routes'
import { minuteText } from '../../../services/labels'
import { openXlsx, saveCsv, saveXlsx } from '../../../services/files'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading, Empty } from '../../../components/states'
import { Forbidden } from '../../../components/states/forbidden'
import { LEDGER_TABS, yuan, type LedgerBy } from '../labels'
import { lineInRow } from '../staff'
import { go } from '../shared'
import '../shop.css'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { Tabs } from '../../../components/ui/choice'
import { PickerValue } from '../../../components/ui/field'
import { a11y, keyActivate } from '../../../components/ui/a11y'

const MAX_SHOWN_LINES = 1000

export default function LedgerPage() {
  const [by, setBy] = useState<LedgerBy>('county')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null)
  const badRange = !!(from && to && from > to)
  const page = usePageQuery(
    async () => {
      setOpen(null)
      return badRange ? null : api.shop.ledger({ by, from: from || undefined, to: to || undefined })
    },
    { login: 'required', forbidden: STAFF_ONLY, deps: [by, from, to] },
  )
  const data = page.data
  const error = badRange ? '开始日期不能晚于结束日期' : page.error?.message

  const change = (next: { by?: LedgerBy; from?: string; to?: string }) => {
    if (next.by !== undefined) setBy(next.by)
    if (next.from !== undefined) setFrom(next.from)
    if (next.to !== undefined) setTo(next.to)
  }

  // Excel opens in WeChat's viewer on weapp (its menu forwards the file); CSV is saved; H5 downloads either.
  const exportFile = async (format: 'csv' | 'xlsx') => {
    if (exporting) return
    setExporting(format)
    try {
      const r = await api.shop.ledger({ by, from: from || undefined, to: to || undefined, format })
      const stamp = new Date().toISOString().slice(0, 10)
      const tab = LEDGER_TABS.find((t) => t.by === by)?.label ?? by
      const name = `消费帮扶台账-按${tab}-${stamp}.${format}`
      const where = r.xlsxBase64 !== null ? await saveXlsx(name, r.xlsxBase64) : await saveCsv(name, r.csv ?? '')
      if (process.env.TARO_ENV === 'h5') Taro.showToast({ title: '已导出', icon: 'success' })
      else if (format === 'xlsx') await openXlsx(where).catch(() => Taro.showModal({ title: '已导出', content: `文件已保存：${where}`, showCancel: false }))
      else Taro.showModal({ title: '已导出', content: `文件已保存：${where}`, showCancel: false })
    } catch (e) {
      Taro.showModal({ title: '导出失败', content: errorText(e), showCancel: false })
    } finally {
      setExporting(null)
    }
  }

  if (page.error?.code === 'FORBIDDEN')
    return (
      <Screen className='wu-page shop-page ledger-page'>
        <Forbidden />
      </Screen>
    )
  return (
    <Screen className='wu-page shop-page ledger-page'>
      <View className='shop-row'>
        <Btn kind='secondary' className='shop-secondary ledger-bulk' onClick={() => go(url('shop/bulk'))}>
          工会批量采购
        </Btn>
        <View style={{ width: '16px' }} />
        <Btn kind='secondary' className='shop-secondary ledger-export-xlsx' loading={exporting === 'xlsx'} disabled={!!exporting || !data} onClick={() => void exportFile('xlsx')}>
          Excel 导出
        </Btn>
        <View style={{ width: '16px' }} />
        <Btn kind='secondary' className='shop-secondary ledger-export' loading={exporting === 'csv'} disabled={!!exporting || !data} onClick={() => void exportFile('csv')}>
          CSV 导出
        </Btn>
      </View>
      <Tabs
        className='order-tabs ledger-tabs'
        tabClass='order-tab'
        onClass='order-tab-on'
        label='台账统计口径'
        value={by}
        onChange={(k) => change({ by: k })}
        tabs={LEDGER_TABS.map((t) => ({ key: t.by, label: t.label, className: `ledger-tab-${t.by}` }))}
      />
      <View className='wu-card'>
        <View className='shop-row'>
          <Picker mode='date' value={from || new Date().toISOString().slice(0, 10)} onChange={(e) => change({ from: e.detail.value })}>
            <PickerValue className='wu-picker-pill shop-chip ledger-from' label='开始日期' value={from || '未选'}>
              {from || '开始日期'}
            </PickerValue>
          </Picker>
          <Text className='shop-hint'>至</Text>
          <Picker mode='date' value={to || new Date().toISOString().slice(0, 10)} onChange={(e) => change({ to: e.detail.value })}>
            <PickerValue className='wu-picker-pill shop-chip ledger-to' label='结束日期' value={to || '未选'}>
              {to || '结束日期'}
            </PickerValue>
          </Picker>
          {from || to ? (
            <LinkButton className='shop-link' label='清除日期' onClick={() => change({ from: '', to: '' })}>
              清除
            </LinkButton>
          ) : null}
        </View>
        <Text className='shop-hint'>按支付时间（北京时间）统计已支付、未退款的订单，含会员购买和工会团购。</Text>
      </View>

      {error ? <ErrorBlock message={error} onRetry={page.reload} /> : null}
      {!error && !data ? <Loading /> : null}
      {data ? (
        <View className='wu-card ledger-summary'>
          <View className='ledger-totals'>
            <View className='ledger-total'>
              <Text className='shop-hint'>采购金额</Text>
              <Text className='ledger-total-value ledger-total-amount'>¥{yuan(data.totals.amountFen)}</Text>
            </View>
            <View className='ledger-total'>
              <Text className='shop-hint'>其中帮扶产品</Text>
              <Text className='ledger-total-value ledger-total-relief'>¥{yuan(data.totals.reliefAmountFen)}</Text>
            </View>
            <View className='ledger-total'>
              <Text className='shop-hint'>数量</Text>
              <Text className='ledger-total-value'>{data.totals.qty.toLocaleString('zh-CN')}</Text>
            </View>
            <View className='ledger-total'>
              <Text className='shop-hint'>订单数</Text>
              <Text className='ledger-total-value'>{data.totals.orders}</Text>
            </View>
          </View>
        </View>
      ) : null}
      {data && data.rows.length === 0 ? <Empty text='所选期间没有采购记录' /> : null}
      {data && data.rows.length ? (
        <View className='wu-card'>
          {data.rows.map((r) => {
            const expanded = open === r.key
            const lines = expanded ? data.lines.filter((l) => lineInRow(by, r, l)) : []
            return (
              <View key={r.key} className='ledger-row'>
                <View className='shop-row-top ledger-row-head' onClick={() => setOpen(expanded ? null : r.key)} {...a11y({ role: 'button', expanded, focusable: true })} {...keyActivate()}>
                  <View className='shop-grow'>
                    <Text className='line-name ledger-row-label'>{r.label}</Text>
                    <Text className='shop-hint'>
                      数量 {r.qty.toLocaleString('zh-CN')} · 订单 {r.orders} 笔
                    </Text>
                  </View>
                  <View>
                    <Text className='shop-price ledger-row-amount'>¥{yuan(r.amountFen)}</Text>
                    <Text className='shop-link'>{expanded ? ' 收起' : ' 明细'}</Text>
                  </View>
                </View>
                {expanded ? (
                  <View className='ledger-lines'>
                    {lines.length === 0 ? <Text className='shop-hint'>明细较多未能全部显示，请导出 Excel 或 CSV 查看</Text> : null}
                    {lines.map((l, i) => (
                      <View key={`${l.orderNo}-${l.product}-${i}`} className='ledger-line'>
                        <Text className='shop-meta'>
                          {l.product} × {l.qty} · ¥{yuan(l.amountFen)}
                          {l.relief ? ' · 帮扶' : ''}
                        </Text>
                        <Text className='shop-hint'>
                          {l.kind === 'bulk' ? '工会团购' : '会员购买'} · {l.buyerUnion} · {minuteText(l.paidAt)}
                        </Text>
                        <Text className='shop-hint ledger-order-no'>订单号 {l.orderNo}</Text>
                        <Text className='shop-hint'>
                          支付单号 {l.transactionId ?? '—'}（商户单号 {l.outTradeNo}）
                        </Text>
                        <Text className='shop-hint'>
                          供应商 {l.supplier}（{l.supplierLicense}）
                        </Text>
                        {l.invoiceTitle ? (
                          <Text className='shop-hint'>
                            发票 {l.invoiceTitle} · {l.invoiceTaxNo}
                          </Text>
                        ) : null}
                      </View>
                    ))}
                  </View>
                ) : null}
              </View>
            )
          })}
          {data.lines.length >= MAX_SHOWN_LINES ? <Text className='shop-hint'>明细超过 {MAX_SHOWN_LINES} 条，页面只显示前 {MAX_SHOWN_LINES} 条，完整明细请导出 Excel 或 CSV。</Text> : null}
        </View>
      ) : null}
    </Screen>
  )
}

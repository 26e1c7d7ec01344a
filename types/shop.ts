import { z } from 'zod'
import { calendarDate, fen, id } from './common'
import { nameSchema, phoneSchema } from './member'
import { CATEGORIES, LEDGER_DIMENSIONS, MAX_LINES, MAX_QTY_PER_LINE, ORDER_STATUSES } from './shop-labels'
import { ADDRESS_DETAIL, INVOICE_TITLE, REFUND_REASON, REGION, TAX_NO } from './shop-fields'
import { text } from './text'

export * from './shop-labels'
export * from './shop-fields'

const requestId = z.string({ error: '缺少请求编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为8到64位字母、数字、下划线或短横线')
const qty = z.number({ error: '请填写数量' }).int('数量应为整数').min(1, '数量至少为1').max(MAX_QTY_PER_LINE, `单个商品最多购买 ${MAX_QTY_PER_LINE} 件`)
const items = z
  .array(z.object({ productId: id, qty }).strict(), { error: '请选择商品' })
  .min(1, '请至少选择一件商品')
  .max(MAX_LINES, `一次最多购买 ${MAX_LINES} 种商品`)
  .refine((xs) => new Set(xs.map((x) => x.productId)).size === xs.length, '同一商品请合并为一行')

export const addressSchema = z
  .object({
    type: z.literal('address'),
    name: nameSchema,
    phone: phoneSchema,
    region: text(REGION),
    detail: text(ADDRESS_DETAIL),
  })
  .strict()
export const deliverySchema = z.discriminatedUnion('type', [addressSchema, z.object({ type: z.literal('pickup'), stationId: id }).strict()], { error: '请选择收货方式' })

export const productSummary = z.object({
  id: z.string(),
  name: z.string(),
  province: z.string(),
  county: z.string(),
  category: z.enum(CATEGORIES),
  unit: z.string(),
  priceFen: z.number().int(),
  memberPriceFen: z.number().int(),
  stock: z.number().int(),
  image: z.string().nullable(),
  relief: z.boolean(),
  status: z.enum(['on_sale', 'off_shelf']),
})
export type ProductSummary = z.infer<typeof productSummary>
export const productDetail = productSummary.extend({
  description: z.string(),
  images: z.array(z.string()),
  supplier: z.object({ name: z.string(), licenseNo: z.string(), contact: z.string() }),
  unionId: z.string(),
})
export type ProductDetail = z.infer<typeof productDetail>

export const productsInput = z
  .object({
    q: z.string().trim().max(30, '搜索词不能超过30个字').optional(),
    category: z.enum(CATEGORIES, { error: '未知的商品分类' }).optional(),
    province: z.string().trim().max(20).optional(),
    county: z.string().trim().max(30).optional(),
    reliefOnly: z.boolean().optional(),
    limit: z.number().int().min(1).max(50).optional(),
    cursor: z.string().max(64).optional(),
  })
  .strict()
export const productsOutput = z.object({
  items: z.array(productSummary),
  nextCursor: z.string().nullable(),
  origins: z.array(z.object({ province: z.string(), county: z.string(), count: z.number().int() })),
})

export const productInput = z.object({ id }).strict()

export const createOrderInput = z
  .object({
    requestId,
    items,
    delivery: deliverySchema,
    note: z.string().trim().max(100).optional(),
    /** Apply the member's relief-purchase subsidy (困难职工消费帮扶补贴) to relief products. */
    reliefSubsidy: z.boolean().optional(),
  })
  .strict()
export const createOrderOutput = z.object({ orderId: z.string(), status: z.enum(ORDER_STATUSES), payableFen: z.number().int(), subsidyFen: z.number().int() })

export const orderIdInput = z.object({ orderId: id }).strict()

export const payOutput = z.object({
  orderId: z.string(),
  provider: z.enum(['wechat', 'simulated']),
  outTradeNo: z.string(),
  payableFen: z.number().int(),
  /** Pass to Taro.requestPayment / wx.requestPayment. */
  params: z.object({ timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }),
})

/** shop.simulatePay (development builds with the simulated provider only): the buyer "pays" and the notification is handled. */
export const simulatePayInput = orderIdInput

export const cancelInput = z.object({ orderId: id, reason: z.string().trim().max(100).optional() }).strict()
export const refundInput = z.object({ orderId: id, reason: text(REFUND_REASON) }).strict()
export const fulfilInput = z.object({ orderId: id, trackingNo: z.string().trim().max(40).optional() }).strict()
export const statusOutput = z.object({ orderId: z.string(), status: z.enum(ORDER_STATUSES) })

export const orderLine = z.object({
  productId: z.string(),
  name: z.string(),
  unit: z.string(),
  unitPriceFen: z.number().int(),
  qty: z.number().int(),
  amountFen: z.number().int(),
  province: z.string(),
  county: z.string(),
})
export const orderSummary = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  kind: z.enum(['member', 'bulk']),
  status: z.enum(ORDER_STATUSES),
  payableFen: z.number().int(),
  itemCount: z.number().int(),
  firstItemName: z.string(),
  createdAt: z.string(),
  payDeadline: z.string().nullable(),
})
export const myOrdersInput = z.object({ status: z.enum(ORDER_STATUSES).optional(), limit: z.number().int().min(1).max(50).optional(), cursor: z.string().max(64).optional() }).strict()
export const myOrdersOutput = z.object({ items: z.array(orderSummary), nextCursor: z.string().nullable() })

export const orderDetail = orderSummary.extend({
  items: z.array(orderLine),
  totalFen: z.number().int(),
  /** Paid from the member's relief-purchase subsidy; payableFen is what the member pays. */
  subsidyFen: z.number().int(),
  delivery: z.union([
    z.object({ type: z.literal('address'), name: z.string(), phone: z.string(), region: z.string(), detail: z.string() }),
    z.object({ type: z.literal('pickup'), stationId: z.string(), stationName: z.string(), stationAddress: z.string() }),
  ]),
  invoice: z.object({ title: z.string(), taxNo: z.string() }).nullable(),
  trackingNo: z.string().nullable(),
  paidAt: z.string().nullable(),
  refund: z.object({ outRefundNo: z.string(), status: z.string(), amountFen: z.number().int(), reason: z.string() }).nullable(),
  timeline: z.array(z.object({ at: z.string(), status: z.enum(ORDER_STATUSES), note: z.string().nullable() })),
})
export type OrderDetail = z.infer<typeof orderDetail>

export const taxNoSchema = text(TAX_NO)

export const bulkOrderInput = z
  .object({
    requestId,
    unionId: id,
    items,
    invoice: z.object({ title: text(INVOICE_TITLE), taxNo: taxNoSchema }).strict(),
    delivery: addressSchema.omit({ type: true }).strict(),
    note: z.string().trim().max(200).optional(),
  })
  .strict()

export const saveProductInput = z
  .object({
    id: id.optional(),
    unionId: id,
    name: z.string().trim().min(2, '商品名称至少2个字').max(60, '商品名称不能超过60个字'),
    province: z.string().trim().min(2, '请填写产地省份').max(20),
    county: z.string().trim().min(2, '请填写产地县（区）').max(30),
    category: z.enum(CATEGORIES, { error: '请选择商品分类' }),
    supplier: z
      .object({
        name: z.string().trim().min(2, '请填写供应商名称').max(60),
        licenseNo: z.string().trim().min(6, '请填写供应商资质或营业执照编号').max(40),
        contact: z.string().trim().min(5, '请填写供应商联系方式').max(40),
      })
      .strict(),
    unit: z.string().trim().min(1, '请填写规格单位').max(20),
    priceFen: fen.min(1, '价格应大于0').max(10_000_000, '单价不能超过10万元'),
    memberPriceFen: fen.min(1, '会员价应大于0').max(10_000_000, '单价不能超过10万元'),
    stock: z.number().int('库存应为整数').min(0, '库存不能为负数').max(1_000_000),
    images: z.array(z.string().url('图片地址不正确').max(500)).max(9).optional(),
    relief: z.boolean(),
    status: z.enum(['on_sale', 'off_shelf']),
    description: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((p) => p.memberPriceFen <= p.priceFen, { message: '会员价不能高于原价', path: ['memberPriceFen'] })
export const saveProductOutput = z.object({ id: z.string() })

export const ledgerInput = z
  .object({
    by: z.enum(LEDGER_DIMENSIONS, { error: '未知的统计维度' }),
    unionId: id.optional(),
    from: calendarDate().optional(),
    to: calendarDate().optional(),
    format: z.enum(['json', 'csv', 'xlsx'], { error: '导出格式应为 json、csv 或 xlsx' }).optional(),
  })
  .strict()
export const ledgerRow = z.object({ key: z.string(), label: z.string(), qty: z.number().int(), amountFen: z.number().int(), orders: z.number().int() })
export const ledgerLine = z.object({
  orderNo: z.string(),
  orderId: z.string(),
  paidAt: z.string(),
  buyerUnion: z.string(),
  kind: z.enum(['member', 'bulk']),
  product: z.string(),
  category: z.enum(CATEGORIES),
  province: z.string(),
  county: z.string(),
  supplier: z.string(),
  supplierLicense: z.string(),
  qty: z.number().int(),
  amountFen: z.number().int(),
  outTradeNo: z.string(),
  transactionId: z.string().nullable(),
  invoiceTitle: z.string().nullable(),
  invoiceTaxNo: z.string().nullable(),
  relief: z.boolean(),
})
export const ledgerOutput = z.object({
  by: z.enum(LEDGER_DIMENSIONS),
  rows: z.array(ledgerRow),
  totals: z.object({ qty: z.number().int(), amountFen: z.number().int(), orders: z.number().int(), reliefAmountFen: z.number().int() }),
  lines: z.array(ledgerLine),
  /** UTF-8 CSV with BOM (opens in Excel), present when format is csv. */
  csv: z.string().nullable(),
  /** The .xlsx workbook (sheets 汇总 and 明细) as base64, present when format is xlsx. */
  xlsxBase64: z.string().nullable(),
})

export { formatYuan } from './money'

import { defineFunction } from '../../platform/handler'
import { product, products, saveProduct } from '../../domain/shop/catalogue'
import { bulkOrder, createOrder } from '../../domain/shop/orders'
import { cancelOrder, confirmReceipt, fulfil } from '../../domain/shop/lifecycle'
import { myOrders, order } from '../../domain/shop/order-views'
import { pay } from '../../domain/shop/payments'
import { requestRefund } from '../../domain/shop/refunds'
import { ledger } from '../../domain/shop/ledger'
import { simulatePay } from '../../domain/shop/simulate'

export const fn = defineFunction('shop', {
  products: { access: 'public', run: ({ app }, input) => products(app, input) },
  product: { access: 'public', run: ({ app }, input) => product(app, input) },
  createOrder: { access: 'user', run: ({ app, caller }, input) => createOrder(app, caller, input) },
  pay: { access: 'user', run: ({ app, caller }, input) => pay(app, caller, input) },
  simulatePay: { access: 'user', run: ({ app, caller }, input) => simulatePay(app, caller, input) },
  cancelOrder: { access: 'user', run: ({ app, caller }, input) => cancelOrder(app, caller, input) },
  myOrders: { access: 'user', run: ({ app, caller }, input) => myOrders(app, caller, input) },
  order: { access: 'user', run: ({ app, caller }, input) => order(app, caller, input) },
  confirmReceipt: { access: 'user', run: ({ app, caller }, input) => confirmReceipt(app, caller, input) },
  refund: { access: 'user', run: ({ app, caller }, input) => requestRefund(app, caller, input) },
  fulfil: { access: 'staff', run: ({ app, caller }, input) => fulfil(app, caller, input) },
  bulkOrder: { access: 'staff', run: ({ app, caller }, input) => bulkOrder(app, caller, input) },
  saveProduct: { access: 'staff', run: ({ app, caller }, input) => saveProduct(app, caller, input) },
  ledger: { access: 'staff', run: ({ app, caller }, input) => ledger(app, caller, input) },
})
export const main = fn.main

import { defineFunction } from '../../platform/handler'
import * as shop from '../../domain/shop/service'
import { ledger } from '../../domain/shop/ledger'
import { simulatePay } from '../../domain/shop/simulate'

export const fn = defineFunction('shop', {
  products: { access: 'public', run: ({ app }, input) => shop.products(app, input) },
  product: { access: 'public', run: ({ app }, input) => shop.product(app, input.id) },
  createOrder: { access: 'user', run: ({ app, caller }, input) => shop.createOrder(app, caller, input) },
  pay: { access: 'user', run: ({ app, caller }, input) => shop.pay(app, caller, input.orderId) },
  simulatePay: { access: 'user', run: ({ app, caller }, input) => simulatePay(app, caller, input.orderId) },
  cancelOrder: { access: 'user', run: ({ app, caller }, input) => shop.cancelOrder(app, caller, input) },
  myOrders: { access: 'user', run: ({ app, caller }, input) => shop.myOrders(app, caller, input) },
  order: { access: 'user', run: ({ app, caller }, input) => shop.order(app, caller, input.orderId) },
  confirmReceipt: { access: 'user', run: ({ app, caller }, input) => shop.confirmReceipt(app, caller, input.orderId) },
  refund: { access: 'user', run: ({ app, caller }, input) => shop.requestRefund(app, caller, input) },
  fulfil: { access: 'staff', run: ({ app, caller }, input) => shop.fulfil(app, caller, input) },
  bulkOrder: { access: 'staff', run: ({ app, caller }, input) => shop.bulkOrder(app, caller, input) },
  saveProduct: { access: 'staff', run: ({ app, caller }, input) => shop.saveProduct(app, caller, input) },
  ledger: { access: 'staff', run: ({ app, caller }, input) => ledger(app, caller, input) },
})
export const main = fn.main

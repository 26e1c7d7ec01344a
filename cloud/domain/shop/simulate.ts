// The simulated provider's "member paid" step, for development builds without a merchant account:
// one implementation behind the gateway's POST /pay/simulate/pay and the shop.simulatePay action.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import type { SimulatedPay } from '../../platform/pay/simulated'
import type { ActionData } from '../../../types/contract'
import type { OrderStatus } from '../../../types/shop'
import { AppError } from '../../platform/errors'
import { deliverSimulated, pay } from './payments'
import { ownOrder } from './lifecycle'
import { statusOf } from './store'

/** The simulator with its deliverer wired; refused wherever real WeChat Pay is (or must be) in use. */
function simulator(app: App): SimulatedPay {
  if (app.pay.name !== 'simulated' || app.config.production) throw new AppError('SIMULATION_DISABLED', '当前环境使用真实微信支付，不能模拟支付')
  deliverSimulated(app)
  return app.pay as SimulatedPay
}

/** The member pays the transaction; its signed notification is handled before this returns. */
export async function simulatePayment(app: App, outTradeNo: string): Promise<void> {
  await simulator(app).payAndNotify(outTradeNo)
}

/** shop.simulatePay: the buyer pays their own order (prepaying it first if needed); answers its new status. */
export async function simulatePay(app: App, caller: Caller, input: ActionData<'shop', 'simulatePay'>): Promise<{ orderId: string; status: OrderStatus }> {
  simulator(app)
  const o = await ownOrder(app, caller, input.orderId)
  if (o.status === 'CANCELLED') throw new AppError('INVALID_STATE', '订单已取消（超时未支付或已手动取消），请重新下单')
  // Anything past PENDING_PAYMENT is already paid: a repeated confirmation answers the status again.
  if (o.status === 'PENDING_PAYMENT') await simulatePayment(app, (await pay(app, caller, { orderId: o.id })).outTradeNo)
  return { orderId: o.id, status: await statusOf(app.db, o.id) }
}

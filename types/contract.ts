// The contract: function -> action -> {input, output}. The client's api and the functions both use it.
import { z } from 'zod'
import { empty } from './common'
import * as auth from './auth'
import * as union from './union'
import * as member from './member'
import * as station from './station'
import * as shop from './shop'
import * as campaign from './campaign'
import * as consoleT from './console'
import * as subsidy from './subsidy'
import * as file from './file'
import * as notify from './notify'

const action = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })

export const contract = {
  auth: {
    login: action(auth.loginInput, auth.loginOutput),
    me: action(empty, auth.meOutput),
    loginQr: action(empty, auth.loginQrOutput),
    scanQr: action(auth.challengeInput, auth.scanQrOutput),
    confirmQr: action(auth.challengeInput, auth.confirmQrOutput),
    pollQr: action(auth.pollQrInput, auth.pollQrOutput),
    logout: action(empty, auth.logoutOutput),
  },
  union: {
    list: action(union.unionListInput, union.unionListOutput),
  },
  member: {
    register: action(member.registerInput, member.registerOutput),
    myCard: action(empty, member.cardView),
    offlineCodes: action(empty, member.offlineCodesOutput),
    pending: action(member.pendingInput, member.pendingOutput),
    review: action(member.reviewInput, member.reviewOutput),
    verifyCard: action(member.verifyCardInput, member.verifyCardOutput),
    transfer: action(member.transferInput, member.transferOutput),
  },
  station: {
    nearby: action(station.nearbyInput, station.nearbyOutput),
    detail: action(station.detailInput, station.stationDetail),
    checkIn: action(station.checkInInput, station.checkInOutput),
    rate: action(station.rateInput, station.rateOutput),
    report: action(station.reportInput, station.reportOutput),
    save: action(station.saveInput, station.saveOutput),
    close: action(station.closeInput, station.closeOutput),
    reopen: action(station.reopenInput, station.reopenOutput),
    stats: action(station.statsInput, station.statsOutput),
    ranking: action(station.rankingInput, station.rankingOutput),
    list: action(station.listInput, station.listOutput),
  },
  shop: {
    products: action(shop.productsInput, shop.productsOutput),
    product: action(shop.productInput, shop.productDetail),
    createOrder: action(shop.createOrderInput, shop.createOrderOutput),
    pay: action(shop.orderIdInput, shop.payOutput),
    simulatePay: action(shop.simulatePayInput, shop.statusOutput),
    cancelOrder: action(shop.cancelInput, shop.statusOutput),
    myOrders: action(shop.myOrdersInput, shop.myOrdersOutput),
    order: action(shop.orderIdInput, shop.orderDetail),
    confirmReceipt: action(shop.orderIdInput, shop.statusOutput),
    refund: action(shop.refundInput, shop.statusOutput),
    fulfil: action(shop.fulfilInput, shop.statusOutput),
    bulkOrder: action(shop.bulkOrderInput, shop.createOrderOutput),
    saveProduct: action(shop.saveProductInput, shop.saveProductOutput),
    ledger: action(shop.ledgerInput, shop.ledgerOutput),
  },
  campaign: {
    save: action(campaign.saveInput, campaign.saveOutput),
    publish: action(campaign.idInput, campaign.statusOutput),
    close: action(campaign.idInput, campaign.statusOutput),
    feed: action(campaign.feedInput, campaign.feedOutput),
    detail: action(campaign.idInput, campaign.campaignDetail),
    join: action(campaign.idInput, campaign.joinOutput),
    myClaims: action(empty, campaign.myClaimsOutput),
    verifyClaim: action(campaign.verifyClaimInput, campaign.verifyClaimOutput),
    stats: action(campaign.statsInput, campaign.statsOutput),
    list: action(campaign.listInput, campaign.listOutput),
  },
  subsidy: {
    evaluate: action(subsidy.householdInput, subsidy.evaluation),
    apply: action(subsidy.applyInput, subsidy.applyOutput),
    myApplications: action(empty, subsidy.myApplicationsOutput),
    queue: action(subsidy.queueInput, subsidy.queueOutput),
    review: action(subsidy.reviewInput, subsidy.reviewOutput),
    disburse: action(subsidy.disburseInput, subsidy.disburseOutput),
    files: action(subsidy.filesInput, subsidy.filesOutput),
    file: action(subsidy.fileIdInput, subsidy.fileDetail),
    plan: action(subsidy.planInput, subsidy.planOutput),
    formalize: action(subsidy.formalizeInput, subsidy.fileStateOutput),
    archive: action(subsidy.archiveInput, subsidy.fileStateOutput),
    notices: action(empty, subsidy.noticesOutput),
    object: action(subsidy.objectInput, subsidy.objectOutput),
    budgets: action(subsidy.budgetsInput, subsidy.budgetsOutput),
    setBudget: action(subsidy.setBudgetInput, subsidy.budgetChangeOutput),
    confirmBudget: action(subsidy.confirmBudgetInput, subsidy.budgetChangeOutput),
  },
  console: {
    dashboard: action(consoleT.dashboardInput, consoleT.dashboardOutput),
    export: action(consoleT.exportInput, consoleT.exportOutput),
  },
  file: {
    register: action(file.registerInput, file.uploadOutput),
    url: action(file.urlInput, file.urlOutput),
  },
  notify: {
    templates: action(empty, notify.templatesOutput),
    optIn: action(notify.optInInput, notify.optInOutput),
    mine: action(notify.mineInput, notify.mineOutput),
    read: action(notify.readInput, notify.readOutput),
  },
  admin: {
    assignStaff: action(consoleT.assignStaffInput, consoleT.assignStaffOutput),
    removeStaff: action(consoleT.removeStaffInput, consoleT.removeStaffOutput),
    staff: action(consoleT.staffListInput, consoleT.staffListOutput),
  },
} as const

export type Contract = typeof contract
export type FunctionName = keyof Contract
export type ActionName<F extends FunctionName> = keyof Contract[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { input: infer I extends z.ZodType } ? z.input<I> : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { output: infer O extends z.ZodType } ? z.output<O> : never
/** What an action's service receives: the input as its schema parsed it (defaults applied, strings trimmed). */
export type ActionData<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { input: infer I extends z.ZodType } ? z.output<I> : never

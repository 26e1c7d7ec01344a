import { defineFunction } from '../../platform/handler'
import * as members from '../../domain/member/service'

export const fn = defineFunction('member', {
  register: { access: 'user', run: ({ app, caller }, input) => members.register(app, caller, input) },
  myCard: { access: 'user', run: ({ app, caller }) => members.myCard(app, caller) },
  offlineCodes: { access: 'user', run: ({ app, caller }) => members.offlineCodes(app, caller) },
  pending: { access: 'staff', run: ({ app, caller }, input) => members.pending(app, caller, input.limit) },
  review: { access: 'staff', run: ({ app, caller }, input) => members.review(app, caller, input) },
  verifyCard: { access: 'staff', run: ({ app, caller }, input) => members.verifyCard(app, caller, input.qr) },
  transfer: { access: 'user', run: ({ app, caller }, input) => members.requestTransfer(app, caller, input.toUnionId) },
})
export const main = fn.main

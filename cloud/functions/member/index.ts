import { defineFunction } from '../../platform/handler'
import { register } from '../../domain/member/registration'
import { myCard, offlineCodes, verifyCard } from '../../domain/member/cards'
import { pending, review } from '../../domain/member/review'
import { requestTransfer } from '../../domain/member/transfers'

export const fn = defineFunction('member', {
  register: { access: 'user', run: ({ app, caller }, input) => register(app, caller, input) },
  myCard: { access: 'user', run: ({ app, caller }) => myCard(app, caller) },
  offlineCodes: { access: 'user', run: ({ app, caller }) => offlineCodes(app, caller) },
  pending: { access: 'staff', run: ({ app, caller }, input) => pending(app, caller, input.limit) },
  review: { access: 'staff', run: ({ app, caller }, input) => review(app, caller, input) },
  verifyCard: { access: 'staff', run: ({ app, caller }, input) => verifyCard(app, caller, input.qr) },
  transfer: { access: 'user', run: ({ app, caller }, input) => requestTransfer(app, caller, input.toUnionId) },
})
export const main = fn.main

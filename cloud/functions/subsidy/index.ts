import { defineFunction } from '../../platform/handler'
import * as subsidy from '../../domain/subsidy/service'

export const fn = defineFunction('subsidy', {
  evaluate: { access: 'public', run: ({ app }, input) => subsidy.evaluateHousehold(app, input) },
  apply: { access: 'user', run: ({ app, caller }, input) => subsidy.apply(app, caller, input) },
  myApplications: { access: 'user', run: ({ app, caller }) => subsidy.myApplications(app, caller) },
  notices: { access: 'user', run: ({ app, caller }) => subsidy.notices(app, caller) },
  object: { access: 'user', run: ({ app, caller }, input) => subsidy.object(app, caller, input) },
  queue: { access: 'staff', run: ({ app, caller }, input) => subsidy.queue(app, caller, input) },
  review: { access: 'staff', run: ({ app, caller }, input) => subsidy.review(app, caller, input) },
  disburse: { access: 'staff', run: ({ app, caller }, input) => subsidy.disburse(app, caller, input) },
  files: { access: 'staff', run: ({ app, caller }, input) => subsidy.files(app, caller, input) },
  file: { access: 'staff', run: ({ app, caller }, input) => subsidy.file(app, caller, input.fileId) },
  plan: { access: 'staff', run: ({ app, caller }, input) => subsidy.plan(app, caller, input) },
  formalize: { access: 'staff', run: ({ app, caller }, input) => subsidy.formalize(app, caller, input.fileId) },
  archive: { access: 'staff', run: ({ app, caller }, input) => subsidy.archive(app, caller, input) },
  budgets: { access: 'staff', run: ({ app, caller }, input) => subsidy.budgets(app, caller, input) },
  setBudget: { access: 'staff', run: ({ app, caller }, input) => subsidy.setBudget(app, caller, input) },
})
export const main = fn.main

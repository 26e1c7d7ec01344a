import { defineFunction } from '../../platform/handler'
import { apply, evaluateHousehold, myApplications } from '../../domain/subsidy/applications'
import { notices, object } from '../../domain/subsidy/notices'
import { queue, review } from '../../domain/subsidy/review'
import { archive, file, files, formalize, plan } from '../../domain/subsidy/files'
import { disburse } from '../../domain/subsidy/payments'
import { budgets, confirmBudget, setBudget } from '../../domain/subsidy/budgets'

export const fn = defineFunction('subsidy', {
  evaluate: { access: 'public', run: ({ app }, input) => evaluateHousehold(app, input) },
  apply: { access: 'user', run: ({ app, caller }, input) => apply(app, caller, input) },
  myApplications: { access: 'user', run: ({ app, caller }) => myApplications(app, caller) },
  notices: { access: 'user', run: ({ app, caller }) => notices(app, caller) },
  object: { access: 'user', run: ({ app, caller }, input) => object(app, caller, input) },
  queue: { access: 'staff', run: ({ app, caller }, input) => queue(app, caller, input) },
  review: { access: 'staff', run: ({ app, caller }, input) => review(app, caller, input) },
  disburse: { access: 'staff', run: ({ app, caller }, input) => disburse(app, caller, input) },
  files: { access: 'staff', run: ({ app, caller }, input) => files(app, caller, input) },
  file: { access: 'staff', run: ({ app, caller }, input) => file(app, caller, input) },
  plan: { access: 'staff', run: ({ app, caller }, input) => plan(app, caller, input) },
  formalize: { access: 'staff', run: ({ app, caller }, input) => formalize(app, caller, input) },
  archive: { access: 'staff', run: ({ app, caller }, input) => archive(app, caller, input) },
  budgets: { access: 'staff', run: ({ app, caller }, input) => budgets(app, caller, input) },
  setBudget: { access: 'staff', run: ({ app, caller }, input) => setBudget(app, caller, input) },
  confirmBudget: { access: 'staff', run: ({ app, caller }, input) => confirmBudget(app, caller, input) },
})
export const main = fn.main

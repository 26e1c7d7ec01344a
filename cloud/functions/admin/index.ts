import { defineFunction } from '../../platform/handler'
import { assignStaff, listStaff, removeStaff } from '../../domain/admin/service'

export const fn = defineFunction('admin', {
  assignStaff: { access: 'admin', run: ({ app, caller }, input) => assignStaff(app, caller, input) },
  removeStaff: { access: 'admin', run: ({ app, caller }, input) => removeStaff(app, caller, input.openid) },
  staff: { access: 'staff', run: ({ app, caller }, input) => listStaff(app, caller, input) },
})
export const main = fn.main

import { defineFunction } from '../../platform/handler'
import { dashboard, exportTable } from '../../domain/console/service'

export const fn = defineFunction('console', {
  dashboard: { access: 'staff', run: ({ app, caller }, input) => dashboard(app, caller, input) },
  export: { access: 'staff', run: ({ app, caller }, input) => exportTable(app, caller, input) },
})
export const main = fn.main

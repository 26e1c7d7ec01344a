import { defineFunction } from '../../platform/handler'
import { fileUrl, register } from '../../domain/file/service'

export const fn = defineFunction('file', {
  register: { access: 'user', run: ({ app, caller }, input) => register(app, caller, input) },
  url: { access: 'public', run: ({ app, caller }, input) => fileUrl(app, caller, input.fileId) },
})
export const main = fn.main

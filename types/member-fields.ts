// Member form fields, free of zod: types/member.ts builds its schemas from them and the register form
// checks with them (textProblem).
import type { TextRule } from './text-rules'

export const NAME: TextRule = {
  required: '请填写姓名',
  min: [2, '姓名至少2个字'],
  max: [30, '姓名不能超过30个字'],
  pattern: [/^[\u4e00-\u9fa5·A-Za-z .]+$/, '姓名只能包含汉字、字母或间隔号'],
}
export const EMPLOYER: TextRule = { max: [60, '工作单位不能超过60个字'] }

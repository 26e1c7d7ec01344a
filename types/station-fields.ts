// Station form fields, free of zod: types/station.ts builds its schemas from them and the staff's station
// form checks with them (textProblem), so both say the same thing.
import type { TextRule } from './text-rules'

export const STATION_NAME: TextRule = { required: '请填写站点名称', min: [2, '站点名称至少2个字'], max: [60, '站点名称不能超过60个字'] }
export const STATION_ADDRESS: TextRule = { required: '请填写详细地址', min: [4, '请填写详细地址，如“北京市朝阳区建国路1号”'], max: [120, '地址不能超过120个字'] }
export const STATION_DISTRICT: TextRule = { required: '请选择所在区', min: [2, '请选择所在区'], max: [20, '区名不能超过20个字'] }
/** A landline with its area code or a mobile number: digits and dashes. */
export const STATION_PHONE: TextRule = { pattern: [/^[\d-]{7,20}$/, '电话格式不正确，如 010-65001234 或 13800000000'] }
export const CLOSE_REASON: TextRule = { required: '请填写关闭原因', min: [2, '请填写关闭原因'], max: [200, '关闭原因不能超过200个字'] }
export const STATION_SEARCH: TextRule = { max: [50, '搜索词不能超过50个字'] }
/** Opening and closing times as the form takes them: "08:00". */
export const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/
export const HHMM_MESSAGE = '时间格式应为“08:00”这样的时:分'
export const STATION_LIST_MAX = 50
/** Uploaded photos a station carries (besides any older photo URLs). */
export const STATION_PHOTO_MAX = 6

// The staff's station form as plain values, and its checks in Chinese, with the contract's own field rules
// (types/station-fields.ts); opening hours are edited as rows of weekdays sharing one time span. Pure, for tests.
import { textProblem } from '../../../../types/text-rules'
import { CLOSE_REASON, HHMM_MESSAGE, HHMM_RE, STATION_ADDRESS, STATION_NAME, STATION_PHONE, STATION_PHOTO_MAX } from '../../../../types/station-fields'
import { publicFileId } from '../../../../types/file-paths'
import type { Award, Hours, Service, StationDetail, StationKind } from '../../../../types/station'
import type { ActionInput } from '../../../../types/contract'

export interface HoursRow {
  key: string
  days: number[]
  open: string
  close: string
}

/**
 * One photo on the form: an uploaded file (its public link, or the picked file while it uploads) or an
 * older photo URL, kept as it is.
 */
export interface PhotoRow {
  key: string
  /** What the thumbnail shows: a picked file's path, a public link (a path on the API origin) or a URL. */
  src: string
  fileId?: string
  url?: string
  uploading?: boolean
  error?: string
}

export interface StationForm {
  id?: string
  unionId: string
  name: string
  kind: StationKind | ''
  address: string
  district: string
  lat: string
  lng: string
  services: Service[]
  is24h: boolean
  rows: HoursRow[]
  phone: string
  photos: PhotoRow[]
  awards: Award[]
}

export type FormField = 'unionId' | 'name' | 'kind' | 'address' | 'district' | 'location' | 'services' | 'hours' | 'phone' | 'photos'
export type FormProblems = Partial<Record<FormField, string>>

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
export const WEEKDAY_TEXT: Record<number, string> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六', 7: '日' }
/** The contract's limit on weekly intervals. */
export const MAX_INTERVALS = 21

let seq = 0
export const newPhoto = (src: string, over: Partial<PhotoRow> = {}): PhotoRow => ({ key: `p${++seq}`, src, ...over })
/** Uploaded photos on the form (done, uploading or failed), against the contract's STATION_PHOTO_MAX. */
export const uploadCount = (f: StationForm) => f.photos.filter((p) => !p.url).length
export const canAddPhoto = (f: StationForm) => uploadCount(f) < STATION_PHOTO_MAX

export const newRow = (days: number[] = [...WEEKDAYS], open = '08:00', close = '20:00'): HoursRow => ({ key: `h${++seq}`, days, open, close })

export function emptyForm(unionId = ''): StationForm {
  return { unionId, name: '', kind: 'warm_station', address: '', district: '', lat: '', lng: '', services: ['water', 'rest'], is24h: false, rows: [newRow()], phone: '', photos: [], awards: [] }
}

/** Weekly hours as rows: days with the same span share a row, in the order they first appear. */
export function hoursToRows(hours: Hours): HoursRow[] {
  const rows: HoursRow[] = []
  for (const h of hours.weekly) {
    const row = rows.find((r) => r.open === h.open && r.close === h.close && !r.days.includes(h.day))
    if (row) row.days = [...row.days, h.day].sort()
    else rows.push(newRow([h.day], h.open, h.close))
  }
  return rows.length ? rows : [newRow()]
}

export function fromDetail(d: StationDetail): StationForm {
  return {
    id: d.id,
    unionId: d.unionId,
    name: d.name,
    kind: d.kind,
    address: d.address,
    district: d.district,
    lat: String(d.lat),
    lng: String(d.lng),
    services: d.services,
    is24h: d.hours.is24h,
    rows: hoursToRows(d.hours),
    phone: d.phone ?? '',
    photos: d.photos.map((u) => {
      const fileId = publicFileId(u)
      return fileId ? newPhoto(u, { fileId }) : newPhoto(u, { url: u })
    }),
    awards: d.awards,
  }
}

const coordinate = (raw: string) => (/^-?\d{1,3}(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : null)

function locationProblem(f: StationForm): string | null {
  if (!f.lat.trim() || !f.lng.trim()) return '请填写经纬度，或点“使用当前位置”'
  const lat = coordinate(f.lat)
  const lng = coordinate(f.lng)
  if (lat === null || lng === null) return '经纬度应为数字，如 纬度 39.9087、经度 116.4497'
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return '纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间'
  // Mainland China lies within these; outside them the two are most likely swapped or mistyped.
  if (lat < 3 || lat > 54 || lng < 73 || lng > 136) return '坐标不在中国境内，请检查纬度和经度是否填反'
  return null
}

function hoursProblem(f: StationForm): string | null {
  if (f.is24h) return null
  if (!f.rows.length) return '请填写开放时间，或选择24小时开放'
  for (const r of f.rows) {
    if (!r.days.length) return '每段开放时间请至少选一天'
    if (!HHMM_RE.test(r.open.trim()) || !HHMM_RE.test(r.close.trim())) return HHMM_MESSAGE
    if (r.open.trim() === r.close.trim()) return '开门和关门时间不能相同；全天开放请选“24小时开放”'
  }
  const n = f.rows.reduce((a, r) => a + r.days.length, 0)
  if (n > MAX_INTERVALS) return `开放时间最多${MAX_INTERVALS}段（每天算一段），请合并相同的时间`
  for (const day of WEEKDAYS) if (f.rows.filter((r) => r.days.includes(day)).length > 1 && overlaps(f.rows.filter((r) => r.days.includes(day)))) return `星期${WEEKDAY_TEXT[day]}的开放时间有重叠，请修改`
  return null
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
/** Same-day spans that overlap (a span past midnight counts to the end of the day). */
function overlaps(rows: HoursRow[]): boolean {
  const spans = rows.map((r) => [minutes(r.open), minutes(r.close) > minutes(r.open) ? minutes(r.close) : 1440] as const).sort((a, b) => a[0] - b[0])
  return spans.some((s, i) => i > 0 && s[0] < spans[i - 1][1])
}

/** Every problem of the form, by field, in words a clerk can act on; empty when it can be saved. */
export function formProblems(f: StationForm): FormProblems {
  const out: FormProblems = {}
  const set = (k: FormField, p: string | null) => {
    if (p) out[k] = p
  }
  set('unionId', f.unionId ? null : '请选择站点所属的工会')
  set('name', f.name.trim() ? textProblem(STATION_NAME, f.name) : '请填写站点名称')
  set('kind', f.kind ? null : '请选择站点类型')
  set('address', textProblem(STATION_ADDRESS, f.address))
  set('district', f.district ? null : '请选择所在区')
  set('location', locationProblem(f))
  set('services', f.services.length ? null : '请至少选择一项服务')
  set('hours', hoursProblem(f))
  set('phone', f.phone.trim() ? textProblem(STATION_PHONE, f.phone) : null)
  set('photos', f.photos.some((p) => p.uploading) ? '照片还在上传，请稍等' : f.photos.some((p) => p.error) ? '有照片上传失败，请删除后重新添加' : null)
  return out
}

export type SaveInput = ActionInput<'station', 'save'>

/** The form as station.save takes it (call only when formProblems is empty). */
export function toSaveInput(f: StationForm): SaveInput {
  const weekly = f.is24h ? [] : f.rows.flatMap((r) => [...r.days].sort().map((day) => ({ day, open: r.open.trim(), close: r.close.trim() })))
  return {
    ...(f.id ? { id: f.id } : {}),
    unionId: f.unionId,
    kind: f.kind as StationKind,
    name: f.name.trim(),
    address: f.address.trim(),
    district: f.district,
    lat: Number(f.lat.trim()),
    lng: Number(f.lng.trim()),
    services: f.services,
    hours: { is24h: f.is24h, weekly },
    ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
    photos: f.photos.flatMap((p) => (p.url ? [p.url] : [])),
    photoFileIds: f.photos.flatMap((p) => (p.fileId ? [p.fileId] : [])),
    awards: f.awards,
  }
}

/** Which form field a server field error belongs to ('hours.weekly.3.open' -> hours, 'lat' -> location). */
export function fieldOf(path: string): FormField | null {
  const head = path.split('.')[0]
  if (head === 'lat' || head === 'lng') return 'location'
  if (head === 'photoFileIds') return 'photos'
  return (['unionId', 'name', 'kind', 'address', 'district', 'services', 'hours', 'phone', 'photos'] as const).find((k) => k === head) ?? null
}

export const closeReasonProblem = (raw: string) => textProblem(CLOSE_REASON, raw)

// Pure rules of the union picker: which words in a union's name fit an occupation, and how a search splits.
import type { Occupation } from '../../../types/member'
import type { UnionLevel } from '../../../types/union'

/** Words in a union's name that say it organises people of this occupation (industry and building unions). */
export const OCCUPATION_WORDS: Record<Occupation, readonly string[]> = {
  courier: ['快递', '速运', '物流'],
  food_delivery: ['外卖', '配送', '骑手'],
  ride_hailing: ['网约车', '出租车', '出行'],
  truck_driver: ['货运', '货车', '物流'],
  property_service: ['物业'],
  security_guard: ['保安'],
  domestic_worker: ['家政'],
  care_worker: ['养老', '护理', '照料'],
  factory_worker: ['制造', '工厂', '产业'],
  office_worker: ['楼宇', '科技', '软件', '传媒'],
  other: [],
}

/** Grassroots unions first: that is where a member's card lives; then federations, then the levels above. */
export const LEVEL_RANK: Record<UnionLevel, number> = { grassroots: 0, federation: 1, street: 2, district: 3, city: 4 }

/** A search split into at most five words ("国贸 物业" finds a union whose name or parent's name has both). */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5)
}

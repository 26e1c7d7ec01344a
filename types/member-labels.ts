// Member vocabulary, free of zod so pages can import it at runtime (types/member.ts re-exports it).

/** New-employment-form groups (couriers, delivery riders, ride-hailing and truck drivers) first, then the other "eight groups", then the rest. */
export const OCCUPATIONS = [
  'courier',
  'food_delivery',
  'ride_hailing',
  'truck_driver',
  'property_service',
  'security_guard',
  'domestic_worker',
  'care_worker',
  'factory_worker',
  'office_worker',
  'other',
] as const
export type Occupation = (typeof OCCUPATIONS)[number]
export const OCCUPATION_LABELS: Record<Occupation, string> = {
  courier: '快递员',
  food_delivery: '外卖送餐员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  property_service: '物业服务人员',
  security_guard: '保安员',
  domestic_worker: '家政服务员',
  care_worker: '护理员',
  factory_worker: '产业工人',
  office_worker: '企业职工',
  other: '其他',
}

export const CARD_STATUSES = ['pending', 'active', 'rejected', 'suspended', 'transferred'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]
export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  pending: '审核中',
  active: '有效',
  rejected: '未通过',
  suspended: '已暂停',
  transferred: '已转出',
}

// Station vocabulary and limits, free of zod so pages can import them at runtime (types/station.ts re-exports them).
/**
 * Coordinates: the API takes and returns GCJ-02 (国测局坐标), what Taro.getLocation({ type: 'gcj02' })
 * returns in China and what Taro.openLocation and the Map component expect. Browser geolocation (WGS-84)
 * is converted on the client before calling.
 */
export const COORDINATE_SYSTEM = 'gcj02' as const

export const STATION_KINDS = ['warm_station', 'union_station', 'service_center', 'public_home', 'warm_home', 'mother_baby'] as const
export type StationKind = (typeof STATION_KINDS)[number]
export const STATION_KIND_LABELS: Record<StationKind, string> = {
  warm_station: '暖心驿站',
  union_station: '工会服务站',
  service_center: '职工服务中心',
  public_home: '公共区域职工之家',
  warm_home: '温馨家园',
  mother_baby: '母婴休息室',
}

export const SERVICES = [
  'water',
  'meal_heating',
  'rest',
  'toilet',
  'phone_charging',
  'ebike_charging',
  'first_aid',
  'mother_baby',
  'wifi',
  'umbrella',
  'repair_kit',
  'cooling',
  'heating',
] as const
export type Service = (typeof SERVICES)[number]
export const SERVICE_LABELS: Record<Service, string> = {
  water: '饮水',
  meal_heating: '热饭',
  rest: '休息',
  toilet: '如厕',
  phone_charging: '手机充电',
  ebike_charging: '电动车充电',
  first_aid: '急救药箱',
  mother_baby: '母婴室',
  wifi: '无线网络',
  umbrella: '借用雨伞',
  repair_kit: '打气补胎',
  cooling: '防暑降温',
  heating: '取暖',
}

export const LIVE_STATUSES = ['open', 'full', 'temporarily_closed', 'water_out', 'power_out', 'crowded'] as const
export type LiveStatus = (typeof LIVE_STATUSES)[number]
export const LIVE_STATUS_LABELS: Record<LiveStatus, string> = {
  open: '正常开放',
  full: '座位已满',
  temporarily_closed: '临时关闭',
  water_out: '暂时无饮用水',
  power_out: '暂时无法充电',
  crowded: '人较多',
}

/** Beijing's districts with a GCJ-02 centre, for members who do not share their location. */
export const BEIJING_DISTRICTS: { name: string; lat: number; lng: number }[] = (
  [
    ['东城区', 39.9288, 116.4164],
    ['西城区', 39.9123, 116.366],
    ['朝阳区', 39.9215, 116.4435],
    ['海淀区', 39.9593, 116.2981],
    ['丰台区', 39.8585, 116.2863],
    ['石景山区', 39.9057, 116.223],
    ['门头沟区', 39.9406, 116.102],
    ['房山区', 39.7354, 116.1393],
    ['通州区', 39.9092, 116.6566],
    ['顺义区', 40.1302, 116.6545],
    ['昌平区', 40.2207, 116.2312],
    ['大兴区', 39.7267, 116.3415],
    ['怀柔区', 40.3162, 116.632],
    ['平谷区', 40.1408, 117.1214],
    ['密云区', 40.3766, 116.8432],
    ['延庆区', 40.4565, 115.9751],
  ] as const
).map(([name, lat, lng]) => ({ name, lat, lng }))

export const NEARBY_MAX_RADIUS_M = 50_000
export const NEARBY_MAX_LIMIT = 50

export const AWARD_LEVELS = ['national', 'city', 'district'] as const
export type AwardLevel = (typeof AWARD_LEVELS)[number]
export const AWARD_LEVEL_LABELS: Record<AwardLevel, string> = { national: '全国最美工会户外劳动者服务站点', city: '北京市最美驿站', district: '区级优秀驿站' }

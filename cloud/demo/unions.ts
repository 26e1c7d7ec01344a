// The demo union hierarchy: the Beijing city union, its districts, streets, federations and grassroots unions.
import crypto from 'node:crypto'
import type { Queryable } from '../db'
import type { UnionLevel } from '../../types/union'

type U = [code: string, name: string, level: UnionLevel, district: string | null, accepts: boolean, children?: U[]]

const DEMO_UNIONS: U = ['110000', '北京市总工会', 'city', null, false, [
  ['110105', '朝阳区总工会', 'district', '朝阳区', false, [
    ['110105001', '建外街道总工会', 'street', '朝阳区', false, [
      ['110105001001', '北京国贸物业管理有限公司工会', 'grassroots', '朝阳区', true],
      ['110105001002', '建外SOHO楼宇工会联合会', 'federation', '朝阳区', true, [
        ['110105001002001', '北京嘉禾传媒有限公司工会', 'grassroots', '朝阳区', true],
        ['110105001002002', '北京云帆软件技术有限公司工会', 'grassroots', '朝阳区', true],
      ]],
      ['110105001003', '建外街道社区联合工会', 'grassroots', '朝阳区', true],
      ['110105001004', '北京安泰保安服务有限公司工会', 'grassroots', '朝阳区', true],
      ['110105001005', '建外街道家政服务行业工会', 'grassroots', '朝阳区', true],
    ]],
    ['110105002', '望京街道总工会', 'street', '朝阳区', false, [
      ['110105002001', '望京科技园楼宇工会联合会', 'federation', '朝阳区', true],
      ['110105002002', '京东物流望京营业部工会', 'grassroots', '朝阳区', true],
    ]],
    ['110105900', '朝阳区快递行业工会联合会', 'federation', '朝阳区', true, [
      ['110105900001', '顺丰速运朝阳营业区工会', 'grassroots', '朝阳区', true],
      ['110105900002', '中通快递朝阳分拨中心工会', 'grassroots', '朝阳区', true],
    ]],
    ['110105901', '朝阳区网约配送员工会联合会', 'federation', '朝阳区', true, [
      ['110105901001', '美团外卖朝阳站点联合工会', 'grassroots', '朝阳区', true],
    ]],
  ]],
  ['110108', '海淀区总工会', 'district', '海淀区', false, [
    ['110108001', '中关村街道总工会', 'street', '海淀区', false, [
      ['110108001001', '中关村软件园楼宇工会联合会', 'federation', '海淀区', true],
      ['110108001002', '海淀区中关村物业服务企业联合工会', 'grassroots', '海淀区', true],
    ]],
    ['110108900', '海淀区货运司机工会联合会', 'federation', '海淀区', true],
  ]],
  ['110101', '东城区总工会', 'district', '东城区', false, [
    ['110101001', '东华门街道总工会', 'street', '东城区', false, [
      ['110101001001', '王府井百货集团工会', 'grassroots', '东城区', true],
      ['110101001002', '东华门街道网约车司机联合工会', 'grassroots', '东城区', true],
    ]],
  ]],
  ['110102', '西城区总工会', 'district', '西城区', false, [
    ['110102001', '金融街街道总工会', 'street', '西城区', false, [
      ['110102001001', '金融街楼宇工会联合会', 'federation', '西城区', true],
    ]],
  ]],
  ['110106', '丰台区总工会', 'district', '丰台区', false],
  ['110107', '石景山区总工会', 'district', '石景山区', false],
  ['110109', '门头沟区总工会', 'district', '门头沟区', false],
  ['110111', '房山区总工会', 'district', '房山区', false],
  ['110112', '通州区总工会', 'district', '通州区', false],
  ['110113', '顺义区总工会', 'district', '顺义区', false],
  ['110114', '昌平区总工会', 'district', '昌平区', false],
  ['110115', '大兴区总工会', 'district', '大兴区', false],
  ['110116', '怀柔区总工会', 'district', '怀柔区', false],
  ['110117', '平谷区总工会', 'district', '平谷区', false],
  ['110118', '密云区总工会', 'district', '密云区', false],
  ['110119', '延庆区总工会', 'district', '延庆区', false],
]]

/** Each district's union code, by district name. */
export const DISTRICT_UNION: Record<string, string> = {
  东城区: '110101', 西城区: '110102', 朝阳区: '110105', 丰台区: '110106', 石景山区: '110107', 海淀区: '110108',
  门头沟区: '110109', 房山区: '110111', 通州区: '110112', 顺义区: '110113', 昌平区: '110114', 大兴区: '110115',
  怀柔区: '110116', 平谷区: '110117', 密云区: '110118', 延庆区: '110119',
}

async function insertTree(q: Queryable, node: U, parent: { id: string; path: string } | null, out: Map<string, string>) {
  const [code, name, level, district, accepts, children] = node
  const id = crypto.randomUUID()
  const path = `${parent?.path ?? '/'}${id}/`
  await q.query(
    'insert into unions (id, code, name, level, parent_id, path, district, accepts_members) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, code, name, level, parent?.id ?? null, path, district, accepts],
  )
  out.set(code, id)
  for (const c of children ?? []) await insertTree(q, c, { id, path }, out)
}

/** Inserts the hierarchy; returns union ids by code. */
export async function insertDemoUnions(q: Queryable): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  await insertTree(q, DEMO_UNIONS, null, ids)
  return ids
}

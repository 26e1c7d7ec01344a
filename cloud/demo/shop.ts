// Demo relief products from Beijing's paired assisted counties, and a few paid orders for the ledger
// (including a company union's 2,700 gift packs).
import crypto from 'node:crypto'
import type { Queryable } from '../db'
import type { Category } from '../../types/shop'
import { maskName, maskPhone } from '../../types/mask'
import { newOrderNo } from '../domain/shop/rules'
import { insertProduct, insertSettledOrder } from '../domain/shop/store'

type P = [name: string, province: string, county: string, category: Category, unit: string, priceYuan: number, memberYuan: number, stock: number, supplier: string]

// Prices in yuan for readability here; stored as integer fen.
const PRODUCTS: P[] = [
  ['赤峰小米 5斤装', '内蒙古自治区', '赤峰市敖汉旗', 'grain_oil', '袋', 39.9, 35.9, 800, '敖汉旗惠隆杂粮种植农民专业合作社'],
  ['敖汉旗黄小米礼盒', '内蒙古自治区', '赤峰市敖汉旗', 'gift_pack', '盒', 88, 79, 300, '敖汉旗惠隆杂粮种植农民专业合作社'],
  ['四子王旗杜蔗羊肉卷 1kg', '内蒙古自治区', '乌兰察布市四子王旗', 'meat_egg', '袋', 98, 89, 400, '四子王旗草原牧业有限公司'],
  ['乌兰察布马铃薯 10斤', '内蒙古自治区', '乌兰察布市察哈尔右翼后旗', 'fruit_veg', '箱', 29.9, 25.9, 600, '察右后旗薯业农民专业合作社'],
  ['科尔沁牛肉干 250g', '内蒙古自治区', '通辽市科尔沁左翼后旗', 'snack', '袋', 58, 52, 500, '科左后旗草原食品有限公司'],
  ['巴林左旗荞麦面 2kg', '内蒙古自治区', '赤峰市巴林左旗', 'grain_oil', '袋', 32, 28, 500, '巴林左旗绿色农产品有限公司'],
  ['张北莜面 2.5kg', '河北省', '张家口市张北县', 'grain_oil', '袋', 35, 31, 700, '张北县坝上农业开发有限公司'],
  ['张北错季蔬菜箱', '河北省', '张家口市张北县', 'fruit_veg', '箱', 68, 59, 200, '张北县坝上农业开发有限公司'],
  ['丰宁坝上胡麻油 2.5L', '河北省', '承德市丰宁满族自治县', 'grain_oil', '桶', 96, 86, 350, '丰宁满族自治县粮油有限公司'],
  ['承德山楂片 500g', '河北省', '承德市隆化县', 'snack', '袋', 19.9, 16.9, 900, '隆化县山楂食品有限公司'],
  ['蔚县小米 5斤', '河北省', '张家口市蔚县', 'grain_oil', '袋', 36, 32, 600, '蔚县桃花小米专业合作社'],
  ['阜平香菇干 250g', '河北省', '保定市阜平县', 'specialty', '袋', 42, 37, 450, '阜平县食用菌产业有限公司'],
  ['阜平大枣 1kg', '河北省', '保定市阜平县', 'fruit_veg', '袋', 45, 39, 500, '阜平县红枣专业合作社'],
  ['十堰武当道茶 100g', '湖北省', '十堰市丹江口市', 'tea', '罐', 128, 115, 300, '丹江口武当道茶有限公司'],
  ['竹山绿松石茶礼盒', '湖北省', '十堰市竹山县', 'tea', '盒', 168, 150, 150, '竹山县圣水茶业有限公司'],
  ['郧阳香菇 500g', '湖北省', '十堰市郧阳区', 'specialty', '袋', 59, 52, 400, '郧阳区食用菌产业合作社'],
  ['房县黄酒 2.5L', '湖北省', '十堰市房县', 'specialty', '桶', 79, 70, 250, '房县庐陵王黄酒有限公司'],
  ['丹江口蜜橘 5斤', '湖北省', '十堰市丹江口市', 'fruit_veg', '箱', 49.9, 43.9, 300, '丹江口市柑橘产业合作社'],
  ['洛浦红枣 1kg', '新疆维吾尔自治区', '和田地区洛浦县', 'fruit_veg', '袋', 56, 49, 600, '洛浦县昆仑红枣有限公司'],
  ['和田薄皮核桃 1kg', '新疆维吾尔自治区', '和田地区墨玉县', 'snack', '袋', 68, 60, 500, '墨玉县核桃产业有限公司'],
  ['墨玉葡萄干 500g', '新疆维吾尔自治区', '和田地区墨玉县', 'snack', '袋', 38, 33, 700, '墨玉县干果加工合作社'],
  ['和田玫瑰花茶 100g', '新疆维吾尔自治区', '和田地区策勒县', 'tea', '罐', 48, 42, 300, '策勒县玫瑰产业有限公司'],
  ['新疆长绒棉毛巾 3条', '新疆维吾尔自治区', '和田地区皮山县', 'daily', '套', 45, 39, 500, '皮山县纺织扶贫车间'],
  ['拉萨当雄牦牛肉干 200g', '西藏自治区', '拉萨市当雄县', 'snack', '袋', 78, 69, 400, '当雄县牦牛产业有限公司'],
  ['西藏青稞挂面 1kg', '西藏自治区', '拉萨市堆龙德庆区', 'grain_oil', '袋', 26, 22, 600, '堆龙德庆区青稞食品有限公司'],
  ['尼木藏香礼盒', '西藏自治区', '拉萨市尼木县', 'specialty', '盒', 88, 78, 150, '尼木县吞巴藏香合作社'],
  ['玉树牦牛酸奶粉 300g', '青海省', '玉树藏族自治州囊谦县', 'specialty', '袋', 66, 58, 200, '囊谦县牧业发展有限公司'],
  ['囊谦黑青稞 2.5kg', '青海省', '玉树藏族自治州囊谦县', 'grain_oil', '袋', 45, 39, 400, '囊谦县牧业发展有限公司'],
  ['南阳西峡香菇酱 2瓶', '河南省', '南阳市西峡县', 'specialty', '组', 39.9, 34.9, 700, '西峡县仲景香菇食品有限公司'],
  ['西峡猕猴桃 12个', '河南省', '南阳市西峡县', 'fruit_veg', '箱', 59, 52, 300, '西峡县猕猴桃专业合作社'],
  ['淅川丹江鱼干 400g', '河南省', '南阳市淅川县', 'specialty', '袋', 69, 62, 250, '淅川县渔业发展有限公司'],
  ['巴东玉米粉 2kg', '湖北省', '恩施州巴东县', 'grain_oil', '袋', 22, 19, 500, '巴东县农业开发有限公司'],
  ['恩施富硒绿茶 250g', '湖北省', '恩施州恩施市', 'tea', '盒', 98, 88, 300, '恩施市硒茶产业有限公司'],
  ['宁夏盐池滩羊肉 2kg', '宁夏回族自治区', '吴忠市盐池县', 'meat_egg', '箱', 258, 238, 150, '盐池县滩羊产业集团'],
  ['固原土鸡蛋 30枚', '宁夏回族自治区', '固原市西吉县', 'meat_egg', '盒', 45, 39, 500, '西吉县生态养殖合作社'],
  ['贵州遵义辣椒酱 2瓶', '贵州省', '遵义市正安县', 'specialty', '组', 29.9, 25.9, 600, '正安县辣椒产业有限公司'],
  ['云南保山小粒咖啡 500g', '云南省', '保山市隆阳区', 'tea', '袋', 79, 69, 300, '隆阳区咖啡产业合作社'],
  ['送温暖慰问礼包（粮油米面组合）', '内蒙古自治区', '赤峰市敖汉旗', 'gift_pack', '份', 158, 138, 5000, '敖汉旗惠隆杂粮种植农民专业合作社'],
  ['两节慰问礼包（干果特产组合）', '新疆维吾尔自治区', '和田地区洛浦县', 'gift_pack', '份', 198, 178, 3000, '洛浦县昆仑红枣有限公司'],
  ['送清凉礼包（茶饮组合）', '湖北省', '十堰市丹江口市', 'gift_pack', '份', 88, 78, 3000, '丹江口武当道茶有限公司'],
  ['金秋助学文具礼包', '河北省', '保定市阜平县', 'daily', '份', 68, 59, 1000, '阜平县扶贫车间文具厂'],
  ['工会驿站一次性口罩 50只', '河北省', '承德市隆化县', 'daily', '盒', 25, 22, 2000, '隆化县扶贫车间防护用品厂'],
]

const fen = (yuan: number) => Math.round(yuan * 100)

export async function seedShopDemo(q: Queryable, unions: Map<string, string>, seal: (plain: string) => string): Promise<void> {
  const city = unions.get('110000')!
  const jianwai = unions.get('110105001')!
  const ids: string[] = []
  const created = new Date()
  for (const [i, [name, province, county, category, unit, price, member, stock, supplier]] of PRODUCTS.entries()) {
    const p = {
      unionId: i % 6 === 5 ? jianwai : city,
      name,
      province,
      county,
      category,
      supplier: { name: supplier, licenseNo: `JY1${String(1000000000000 + i * 7919).slice(0, 13)}`, contact: `0${400 + i}-${String(8000000 + i * 131).slice(0, 7)}` },
      unit,
      priceFen: fen(price),
      memberPriceFen: fen(member),
      stock,
      relief: i !== PRODUCTS.length - 1,
      status: 'on_sale' as const,
      description: `产自${province}${county}的${name}，对口帮扶地区产品，由${supplier}供货。`,
    }
    ids.push(await insertProduct(q, p, created))
  }

  // Paid purchases for the ledger: the 2,700 holiday gift packs bought by a company union, and member orders.
  const guomao = unions.get('110105001001')!
  const [staff] = await q.query<{ id: string }>(`select id from users where openid = 'demo-staff'`)
  const [member] = await q.query<{ id: string }>(`select id from users where openid = 'demo-member'`)
  const contacts = {
    member: { name: '李建国', phone: '13811112222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号国贸物业301' },
    bulk: { name: '王志红', phone: '13800138000', region: '北京市朝阳区建外街道', detail: '建国门外大街1号北京国贸物业管理有限公司工会办公室' },
  }
  const paid = async (userId: string, kind: 'member' | 'bulk', buyer: string, lines: [number, number][], at: string, invoice?: [string, string]) => {
    const c = contacts[kind]
    const orderNo = newOrderNo(new Date(at))
    await insertSettledOrder(
      q,
      {
        orderNo,
        userId,
        requestId: `seed-${orderNo}`,
        kind,
        status: 'COMPLETED',
        buyerUnionId: buyer,
        contactEnc: seal(JSON.stringify(c)),
        contactMasked: JSON.stringify({ name: maskName(c.name), phone: maskPhone(c.phone), region: c.region }),
        invoice: invoice && { title: invoice[0], taxNo: invoice[1] },
        at: new Date(at),
      },
      lines.map(([idx, qty]) => ({ productId: ids[idx], qty })),
      { provider: 'simulated', transactionId: `4200${String(crypto.randomInt(0, 1e12)).padStart(12, '0')}` },
    )
  }
  await paid(staff.id, 'bulk', guomao, [[37, 2700]], '2026-01-20T02:00:00Z', ['北京国贸物业管理有限公司工会委员会', '81110105MC1234567X'])
  await paid(member.id, 'member', guomao, [[0, 2], [18, 1]], '2026-09-12T04:30:00Z')
  await paid(member.id, 'member', guomao, [[13, 1]], '2026-10-03T09:10:00Z')
}

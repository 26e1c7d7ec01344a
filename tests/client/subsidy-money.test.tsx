// Money typed in yuan becomes integer fen exactly; the household form is checked before any request.
import { buildHousehold, clearDraft, emptyForm, peekDraft, fenToInput, formFromInput, newRequestId, newRow, parseYuan, seasonText, setDraft, takeDraft, MAX_INCOME_FEN } from '../../client/packages/subsidy/shared'

const fen = (raw: string, maxFen?: number) => {
  const r = parseYuan(raw, { maxFen })
  return r.ok ? r.fen : r.error
}

describe('parseYuan', () => {
  test('whole and decimal yuan become exact fen (no floating-point drift)', () => {
    expect(fen('2000')).toBe(200000)
    expect(fen('0')).toBe(0)
    expect(fen('0.00')).toBe(0)
    expect(fen('1320.5')).toBe(132050)
    expect(fen('0.29')).toBe(29) // 0.29 * 100 is 28.999… in floating point
    expect(fen('1.1')).toBe(110)
    expect(fen('4.35')).toBe(435) // 4.35 * 100 = 434.99999…
    expect(fen('.5')).toBe(50)
    expect(fen('12.')).toBe(1200)
    expect(fen('007')).toBe(700)
  })

  test('what a Chinese keyboard or a copy-paste adds is understood', () => {
    expect(fen(' 2000 ')).toBe(200000)
    expect(fen('２０００')).toBe(200000)
    expect(fen('１２。５')).toBe(1250)
    expect(fen('¥1,320.00')).toBe(132000)
    expect(fen('3000元')).toBe(300000)
    expect(fen('12,345,678.9', Number.MAX_SAFE_INTEGER)).toBe(1234567890)
  })

  test('empty, negative, too precise and non-numbers are refused with a reason', () => {
    expect(fen('')).toMatch(/请填写/)
    expect(fen('   ')).toMatch(/请填写/)
    expect(parseYuan('', { empty: '请填写月收入，没有收入请填0' })).toEqual({ ok: false, error: '请填写月收入，没有收入请填0' })
    expect(fen('-1')).toBe('金额不能为负数')
    expect(fen('-0')).toBe('金额不能为负数')
    expect(fen('－5')).toBe('金额不能为负数')
    expect(fen('1.234')).toMatch(/小数点后两位/)
    expect(fen('0.001')).toMatch(/小数点后两位/)
    for (const bad of ['abc', 'NaN', 'Infinity', '1e3', '1,00', '1.2.3', '.', '2000块', '0x10', '1 000']) expect(fen(bad)).toMatch(/请填写数字/)
  })

  test('a ceiling can be set, e.g. 100,000 yuan for one month of income', () => {
    expect(fen('100000', MAX_INCOME_FEN)).toBe(10_000_000)
    expect(fen('100000.01', MAX_INCOME_FEN)).toBe('金额不能超过10万元')
    expect(fen('99999999999999999999')).toBe('金额过大，请检查')
  })

  test('fen is shown back for editing without trailing zeros', () => {
    expect(fenToInput(200000)).toBe('2000')
    expect(fenToInput(12345)).toBe('123.45')
    expect(fenToInput(12340)).toBe('123.40')
    expect(fenToInput(0)).toBe('0')
  })
})

describe('household form', () => {
  test('builds the contract input in fen; 0 is allowed; empty income is an error on that row', () => {
    const form = emptyForm()
    form.rows[0].income = '2000'
    form.rows.push(newRow('spouse', '1000.5'), newRow('child', ''))
    form.conditions = ['school_costs', 'serious_illness']
    let r = buildHousehold(form)
    expect(r.input).toBeNull()
    expect(r.errors).toEqual({ 'household.2.monthlyIncomeFen': '请填写月收入，没有收入请填0' })

    form.rows[2].income = '0'
    r = buildHousehold(form)
    expect(r.errors).toEqual({})
    expect(r.input).toEqual({
      household: [
        { relation: 'self', monthlyIncomeFen: 200000 },
        { relation: 'spouse', monthlyIncomeFen: 100050 },
        { relation: 'child', monthlyIncomeFen: 0 },
      ],
      // In the contract's order, not the order ticked.
      conditions: ['serious_illness', 'school_costs'],
    })
  })

  test('a sudden event needs a date not in the future; its amounts are optional', () => {
    const form = emptyForm()
    form.rows[0].income = '3000'
    form.event = { on: true, kind: 'accident', date: '2999-01-01', drop: '', expense: '-5' }
    expect(buildHousehold(form).errors).toEqual({ 'event.date': '事件日期不能晚于今天', 'event.extraExpenseFen': '金额不能为负数' })
    form.event = { on: true, kind: 'accident', date: '2026-01-05', drop: '1500', expense: '' }
    expect(buildHousehold(form).input?.event).toEqual({ kind: 'accident', date: '2026-01-05', incomeDropFen: 150000 })
    form.event.on = false
    expect(buildHousehold(form).input).not.toHaveProperty('event')
  })

  test('exactly one 本人', () => {
    const form = emptyForm()
    form.rows = [newRow('spouse', '100')]
    expect(buildHousehold(form).errors.household).toBe('家庭成员中应有且只有一位“本人”')
  })

  test('the draft handed to the application page is a copy, kept until cleared', () => {
    const form = formFromInput({ household: [{ relation: 'child', monthlyIncomeFen: 0 }, { relation: 'self', monthlyIncomeFen: 150050 }], conditions: ['disability'] })
    expect(form.rows.map((r) => [r.relation, r.income])).toEqual([
      ['self', '1500.50'],
      ['child', '0'],
    ])
    setDraft(form)
    form.rows[0].income = '9'
    const seen = peekDraft()!
    seen.rows[0].income = '8'
    expect(peekDraft()?.rows[0].income).toBe('1500.50')
    expect(takeDraft()?.rows[0].income).toBe('1500.50')
    expect(takeDraft()).toBeNull()
    setDraft(form)
    clearDraft()
    expect(peekDraft()).toBeNull()
  })
})

test('request ids fit the server pattern and differ', () => {
  const ids = new Set(Array.from({ length: 200 }, () => newRequestId('ap')))
  expect(ids.size).toBe(200)
  for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
})

test('season text', () => {
  expect(seasonText(null)).toBe('全年可申请')
  expect(seasonText([11, 12, 1, 2])).toBe('每年 11、12、1、2 月')
})

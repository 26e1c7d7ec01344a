// Order creation through the HTTP gateway on the PostgreSQL server: orders per second, with the oversell check.
import { performance } from 'node:perf_hooks'
import { startTestApp } from '../tests/support/app'
import { address, newProduct, rid } from '../tests/support/shop'

export async function benchOrders(total = 3000, concurrency = 32, products = 20, stockEach = 120) {
  const t = await startTestApp('postgres')
  try {
    const ids = await Promise.all(Array.from({ length: products }, () => newProduct(t, stockEach)))
    const tokens: string[] = []
    for (let i = 0; i < concurrency; i++) {
      const r = await fetch(`${t.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { code: `dev:bench-${i}` } }) })
      tokens.push(((await r.json()) as { data: { token: string } }).data.token)
    }
    let next = 0
    let created = 0
    let outOfStock = 0
    let other = 0
    const started = performance.now()
    await Promise.all(
      tokens.map(async (token) => {
        while (next < total) {
          const i = next++
          const res = await fetch(`${t.url}/api/shop`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ action: 'createOrder', data: { requestId: rid(), items: [{ productId: ids[i % products], qty: 1 }], delivery: address } }),
          })
          const body = (await res.json()) as { ok: boolean; error?: { code: string } }
          if (body.ok) created++
          else if (body.error?.code === 'OUT_OF_STOCK') outOfStock++
          else other++
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const [stock] = await t.app.db.query<{ min: number; left: number }>('select min(stock)::int as min, sum(stock)::int as left from products where id = any($1::uuid[])', [ids])
    const oversold = stock.min < 0 || created + stock.left !== products * stockEach
    return { createdPerSecond: created / seconds, requestsPerSecond: (created + outOfStock + other) / seconds, created, outOfStock, other, oversold, minStock: stock.min }
  } finally {
    await t.close()
  }
}


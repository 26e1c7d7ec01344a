// Station photos as uploaded files: staff upload, station.save attaches them (public, at a stable link),
// refuses files that are not theirs or not station photos without changing anything, and detaches those removed.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { cardHolder, staff, unionIdOf, unionTree } from '../support/fixtures'
import { jpegWithGps, plainJpeg } from '../support/images'
import { hasGps } from '../../cloud/platform/storage/location'

async function upload(t: TestApp, token: string, bytes: Buffer, purpose = 'station_photo'): Promise<string> {
  const form = new FormData()
  form.append('purpose', purpose)
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg')
  const res = await fetch(`${t.url}/api/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
  const body = (await res.json()) as { ok: boolean; data: { fileId: string } }
  expect([res.status, body.ok]).toEqual([200, true])
  return body.data.fileId
}

/** A public link fetched as the finder or a browser would: no session. */
async function open(t: TestApp, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, { headers })
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), etag: res.headers.get('etag'), bytes: Buffer.from(await res.arrayBuffer()) }
}

describe.each(backends())('station photos on %s', (backend) => {
  let t: TestApp
  let staffToken: string
  let otherStaff: string
  let memberToken: string
  let jianwai: string

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    staffToken = await staff(t, 'photo-staff', '110105001')
    otherStaff = await staff(t, 'photo-other-staff', '110105001')
    await cardHolder(t, 'photo-member', { union: '110105001001' })
    memberToken = await login(t, 'photo-member')
    jianwai = await unionIdOf(t, '110105001')
  }, 60_000)
  afterAll(() => t?.close())

  const form = (over: Record<string, unknown> = {}) => ({
    unionId: jianwai,
    kind: 'warm_station',
    name: '光华路暖心驿站',
    address: '北京市朝阳区光华路9号',
    district: '朝阳区',
    lat: 39.9139,
    lng: 116.4552,
    services: ['water', 'rest'],
    hours: { is24h: true, weekly: [] },
    photos: ['https://example.com/demo-photo.jpg'],
    ...over,
  })
  const detail = async (id: string) => (await ok(call(t, 'station', 'detail', { id }))) as { photos: string[] }
  const attachedTo = async (fileId: string) => (await t.app.db.query<{ station_id: string | null }>('select station_id from files where id = $1', [fileId]))[0].station_id

  it('should serve an attached photo to anyone at its public link, without GPS, when staff save it on a station', async () => {
    const fileId = await upload(t, staffToken, jpegWithGps())
    expect((await open(t, `/files/public/${fileId}`)).status).toBe(404) // not public before it is attached
    const { id } = await ok(call(t, 'station', 'save', form({ photoFileIds: [fileId] }), staffToken))

    const d = await detail(id)
    expect(d.photos).toEqual([`/files/public/${fileId}`, 'https://example.com/demo-photo.jpg'])
    const got = await open(t, d.photos[0])
    expect([got.status, got.type]).toEqual([200, 'image/jpeg'])
    expect(got.cache).toMatch(/^public, max-age=\d{6,}/)
    expect(got.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(hasGps(got.bytes)).toBe(false)
    expect((await open(t, d.photos[0], { 'if-none-match': got.etag! })).status).toBe(304)
    // Public for file.url too, signed out.
    expect((await call(t, 'file', 'url', { fileId })).status).toBe(200)
  })

  it('should refuse an unknown, an evidence, a foreign or another station\'s file id and change nothing', async () => {
    const mine = await upload(t, staffToken, plainJpeg())
    const { id } = await ok(call(t, 'station', 'save', form({ name: '东三环暖心驿站', photoFileIds: [mine] }), staffToken))
    const other = (await ok(call(t, 'station', 'save', form({ name: '建国路暖心驿站', photoFileIds: [] }), staffToken))).id
    const evidence = await upload(t, memberToken, plainJpeg(), 'evidence')
    const foreign = await upload(t, otherStaff, plainJpeg())
    const stations = async () => (await t.app.db.query('select id, name, photos from stations order by id')).map((r) => JSON.stringify(r))
    const before = { stations: await stations(), files: await t.app.db.query('select id, station_id, attached_at, position from files order by id') }

    const cases: [string, string[], number, string][] = [
      ['unknown', ['00000000-0000-4000-8000-000000000000'], 400, 'VALIDATION_FAILED'],
      ['evidence', [evidence], 400, 'VALIDATION_FAILED'],
      ['foreign', [mine, foreign], 403, 'FORBIDDEN'],
      ['malformed', ['not-a-file'], 400, 'VALIDATION_FAILED'],
    ]
    for (const [what, ids, status, code] of cases) {
      const r = await call(t, 'station', 'save', form({ id, name: '改过的名字', photoFileIds: ids }), staffToken)
      expect([what, r.status, r.body.ok ? null : r.body.error.code]).toEqual([what, status, code])
      expect(Object.keys((!r.body.ok && r.body.error.fields) || {}).some((k) => k.startsWith('photoFileIds'))).toBe(true)
    }
    // Another station's photo, even by its own uploader, stays where it is.
    const moved = await call(t, 'station', 'save', form({ id: other, photoFileIds: [mine] }), staffToken)
    expect([moved.status, moved.body.ok ? null : moved.body.error.code]).toEqual([403, 'FORBIDDEN'])
    // Too many.
    const many = await call(t, 'station', 'save', form({ id, photoFileIds: Array.from({ length: 7 }, () => mine) }), staffToken)
    expect([many.status, many.body.ok ? null : many.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])

    expect({ stations: await stations(), files: await t.app.db.query('select id, station_id, attached_at, position from files order by id') }).toEqual(before)
    expect((await open(t, `/files/public/${evidence}`)).status).toBe(404)
    expect((await open(t, `/files/public/${foreign}`)).status).toBe(404)
  })

  it('should detach a photo left out on save so its public link answers 404, keeping the others in order', async () => {
    const [a, b] = [await upload(t, staffToken, plainJpeg()), await upload(t, staffToken, plainJpeg())]
    const { id } = await ok(call(t, 'station', 'save', form({ name: '呼家楼暖心驿站', photoFileIds: [a, b] }), staffToken))
    // An edit that does not name photo files leaves them as they are.
    await ok(call(t, 'station', 'save', form({ id, name: '呼家楼暖心驿站（北）' }), staffToken))
    expect((await detail(id)).photos.slice(0, 2)).toEqual([`/files/public/${a}`, `/files/public/${b}`])
    // Another clerk in scope may keep the photos already on the station and add their own.
    const d = await upload(t, otherStaff, plainJpeg())
    await ok(call(t, 'station', 'save', form({ id, photoFileIds: [b, d] }), otherStaff))
    expect((await detail(id)).photos).toEqual([`/files/public/${b}`, `/files/public/${d}`, 'https://example.com/demo-photo.jpg'])
    expect(await attachedTo(a)).toBeNull()
    expect((await open(t, `/files/public/${a}`)).status).toBe(404)
    expect((await open(t, `/files/public/${b}`)).status).toBe(200)
    expect((await open(t, '/files/public/not-a-file')).status).toBe(404)
    const trail = await t.app.db.query<{ after: { photoFileIds?: string[] } }>(`select after from audit_log where entity_id = $1 and action = 'station.update' order by id`, [id])
    expect(trail.at(-1)!.after.photoFileIds).toEqual([b, d])
  })
})

// Uploads and file links: limits, content checks, location stripped, and who may open what, on both databases.
import crypto from 'node:crypto'
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { application, person } from '../support/subsidy'
import { cardHolder, staff, unionTree } from '../support/fixtures'
import { heicWithGps, jpegWithGps, pdf, plainJpeg, pngWithGps } from '../support/images'
import { hasGps } from '../../cloud/platform/storage/location'
import { MAX_FILE_BYTES } from '../../types/file'
import type { CloudFiles } from '../../cloud/platform/storage'

/** POST /api/files as the client sends it. */
export async function uploadFile(t: TestApp, token: string | undefined, bytes: Buffer, fields: Record<string, string> = { purpose: 'evidence' }, name = 'bill.jpg') {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name)
  const res = await fetch(`${t.url}/api/files`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, body: (await res.json()) as any }
}

/** The bytes behind file.url, fetched as a client would. */
async function open(t: TestApp, url: string) {
  const res = await fetch(url.startsWith('/') ? t.url + url : url)
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
}

describe.each(backends())('files on %s', (backend) => {
  let t: TestApp
  const stored: Record<string, Buffer> = {}
  // wx.cloud.uploadFile's side: what the mini-program put in cloud storage.
  const cloud: CloudFiles = {
    downloadUrl: async () => null,
    read: async (id) => stored[id] ?? null,
    remove: async (ids) => ids.forEach((id) => delete stored[id]),
    upload: async () => 'cloud://unused',
  }
  const count = async () => (await t.app.db.query<{ n: number }>('select count(*)::int as n from files'))[0].n

  beforeAll(async () => {
    t = await startTestApp(backend, { cloudFiles: cloud, demo: false })
    await unionTree(t)
    await cardHolder(t, 'files-member', { union: '110105001001' })
    await staff(t, 'guomao-staff', '110105001001')
    await staff(t, 'street-staff', '110105001')
    await staff(t, 'haidian-staff', '110108001')
  }, 60_000)
  afterAll(() => t?.close())

  it('should store a photo without its GPS location and let the applicant and staff in scope open it when a member attaches it to an application', async () => {
    const m = await person(t, 'files-applicant', { name: '王秀兰', phone: '13700000201', memberUnion: '110105001001' })
    const up = await uploadFile(t, m.token, jpegWithGps())
    expect(up.status).toBe(200)
    expect(up.body.data).toMatchObject({ fileId: expect.any(String), contentType: 'image/jpeg' })
    const fileId = up.body.data.fileId
    const applied = await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000201', evidence: [{ kind: 'medical', ref: '住院费用发票', fileId }] }), m.token))

    const mine = await ok(call(t, 'file', 'url', { fileId }, m.token))
    expect(mine.url).toMatch(new RegExp(`^/files/${fileId}\\?e=\\d+&s=`))
    expect(new Date(mine.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(600_000)
    const got = await open(t, mine.url)
    expect([got.status, got.type]).toEqual([200, 'image/jpeg'])
    expect(hasGps(got.bytes)).toBe(false)
    expect(got.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))

    // The grassroots union checks first; its clerk sees the file in the queue and opens it.
    const gm = await login(t, 'guomao-staff')
    const queue = await ok(call(t, 'subsidy', 'queue', {}, gm))
    const item = queue.items.find((i: { applicationId: string }) => i.applicationId === applied.applicationId)
    expect(item.evidence[0]).toMatchObject({ kind: 'medical', fileId })
    const staffUrl = await ok(call(t, 'file', 'url', { fileId }, gm))
    expect((await open(t, staffUrl.url)).status).toBe(200)
    expect((await call(t, 'file', 'url', { fileId }, await login(t, 'street-staff'))).status).toBe(200)
  })

  it('should answer FORBIDDEN to another member, to staff of another district and to anyone signed out when they ask for evidence', async () => {
    const m = await person(t, 'files-owner', { name: '赵春燕', phone: '13700000202', memberUnion: '110105001001' })
    const fileId = (await uploadFile(t, m.token, plainJpeg())).body.data.fileId
    await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000202', evidence: [{ kind: 'income', ref: '收入证明', fileId }] }), m.token))
    for (const who of ['files-member', 'haidian-staff']) {
      const r = await call(t, 'file', 'url', { fileId }, await login(t, who))
      expect([who, r.status, r.body.ok ? null : r.body.error.code]).toEqual([who, 403, 'FORBIDDEN'])
    }
    expect((await call(t, 'file', 'url', { fileId })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await call(t, 'file', 'url', { fileId: crypto.randomUUID() }, m.token)).status).toBe(404)
  })

  it('should refuse a file over 10 MB with FILE_TOO_LARGE and store nothing', async () => {
    const token = await login(t, 'files-member')
    const before = await count()
    const big = Buffer.concat([plainJpeg(), Buffer.alloc(MAX_FILE_BYTES)])
    const r = await uploadFile(t, token, big)
    expect([r.status, r.body.error.code]).toEqual([413, 'FILE_TOO_LARGE'])
    // Just over the limit, within the multipart allowance: refused by the service's own check.
    const edge = await uploadFile(t, token, Buffer.concat([plainJpeg(), Buffer.alloc(MAX_FILE_BYTES - 1000)]))
    expect([edge.status, edge.body.error.code]).toEqual([413, 'FILE_TOO_LARGE'])
    expect(await count()).toBe(before)
  })

  it('should refuse content that is not an allowed image or PDF, whatever its name says, and store nothing', async () => {
    const token = await login(t, 'files-member')
    const before = await count()
    for (const bytes of [Buffer.from('<html><script>alert(1)</script></html>'), Buffer.from('GIF89a\x01\x00\x01\x00'), pdf(true), plainJpeg().subarray(0, 40)]) {
      const r = await uploadFile(t, token, bytes, { purpose: 'evidence' }, 'photo.jpg')
      expect([r.status, r.body.error.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED'])
    }
    expect(await count()).toBe(before)
    // PNG, HEIC and PDF are taken; the images lose their location.
    for (const [bytes, type] of [[pngWithGps(), 'image/png'], [heicWithGps(), 'image/heic'], [pdf(), 'application/pdf']] as const) {
      const r = await uploadFile(t, token, bytes)
      expect(r.body.data.contentType).toBe(type)
      const got = await open(t, (await ok(call(t, 'file', 'url', { fileId: r.body.data.fileId }, token))).url)
      expect(hasGps(got.bytes)).toBe(false)
    }
  })

  it("should answer FORBIDDEN and store nothing when an upload or an application claims another member's case or file", async () => {
    const owner = await person(t, 'files-case', { name: '孙丽娟', phone: '13700000203', memberUnion: '110105001001' })
    const other = await login(t, 'files-member')
    const theirs = await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000203' }), owner.token))
    const before = await count()
    const r = await uploadFile(t, other, plainJpeg(), { purpose: 'evidence', applicationId: theirs.applicationId })
    expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN'])
    expect(await count()).toBe(before)
    // The owner may add to their own case: the file joins its evidence.
    const own = await uploadFile(t, owner.token, plainJpeg(), { purpose: 'evidence', applicationId: theirs.applicationId })
    expect(own.status).toBe(200)
    const [ev] = await t.app.db.query<{ evidence: { fileId?: string }[] }>('select evidence from subsidy_applications where id = $1', [theirs.applicationId])
    expect(ev.evidence.map((e) => e.fileId)).toContain(own.body.data.fileId)

    // Someone else's upload named in one's own application: refused, and no application is filed.
    const rider = await person(t, 'files-thief', { name: '钱志强', phone: '13700000204', memberUnion: '110105001001' })
    const stolen = (await uploadFile(t, owner.token, plainJpeg())).body.data.fileId
    const a = await call(t, 'subsidy', 'apply', application({ phone: '13700000204', evidence: [{ kind: 'medical', ref: '发票', fileId: stolen }] }), rider.token)
    expect([a.status, a.body.ok ? null : a.body.error.code]).toEqual([403, 'FORBIDDEN'])
    expect((await t.app.db.query('select 1 from subsidy_applications a join members m on m.id = a.member_id where m.user_id = $1', [rider.userId])).length).toBe(0)
  })

  it('should refuse uploads without a session, station photos from members, and a missing purpose or file', async () => {
    const token = await login(t, 'files-member')
    expect((await uploadFile(t, undefined, plainJpeg())).body.error.code).toBe('UNAUTHENTICATED')
    expect((await uploadFile(t, token, plainJpeg(), { purpose: 'station_photo' })).body.error.code).toBe('FORBIDDEN')
    expect((await uploadFile(t, token, plainJpeg(), { purpose: 'selfie' })).body.error.code).toBe('VALIDATION_FAILED')
    const res = await fetch(`${t.url}/api/files`, { method: 'POST', body: 'not multipart', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' } })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    const staff = await login(t, 'street-staff')
    expect((await uploadFile(t, staff, plainJpeg(), { purpose: 'station_photo' })).status).toBe(200)
  })

  it('should answer 404 for a link that expired, was tampered with or names another file', async () => {
    const token = await login(t, 'files-member')
    const fileId = (await uploadFile(t, token, plainJpeg())).body.data.fileId
    const { url } = await ok(call(t, 'file', 'url', { fileId }, token))
    expect((await open(t, url)).status).toBe(200)
    expect((await open(t, url.replace(/s=./, (x: string) => (x === 's=A' ? 's=B' : 's=A')))).status).toBe(404)
    expect((await open(t, url.replace(fileId, crypto.randomUUID()))).status).toBe(404)
    const later = t.app.now
    t.app.now = () => new Date(Date.now() + 601_000)
    try {
      expect((await open(t, url)).status).toBe(404)
    } finally {
      t.app.now = later
    }
  })

  it("should register a wx.cloud upload under the caller's own folder once, and refuse one under another's", async () => {
    const m = await person(t, 'files-cloud', { name: '周建军', phone: '13700000205', memberUnion: '110105001001' })
    const mineId = 'cloud://test-env.7465-test/wu-uploads/files-cloud/a1.jpg'
    stored[mineId] = jpegWithGps()
    const r = await ok(call(t, 'file', 'register', { fileId: mineId, purpose: 'evidence' }, m.token))
    expect(r.contentType).toBe('image/jpeg')
    expect(stored[mineId]).toBeUndefined() // the cloud original is removed once copied
    expect(await ok(call(t, 'file', 'register', { fileId: mineId, purpose: 'evidence' }, m.token))).toEqual(r)
    expect(hasGps((await open(t, (await ok(call(t, 'file', 'url', { fileId: r.fileId }, m.token))).url)).bytes)).toBe(false)
    const theirsId = 'cloud://test-env.7465-test/wu-uploads/files-member/b2.jpg'
    stored[theirsId] = plainJpeg()
    expect((await call(t, 'file', 'register', { fileId: theirsId, purpose: 'evidence' }, m.token)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await call(t, 'file', 'register', { fileId: mineId, purpose: 'evidence' }, await login(t, 'files-member'))).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

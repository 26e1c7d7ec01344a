// Household incomes sealed: an application's or file's evaluation (total and per-capita income, and the
// reasons quoting them) moves into evaluation_enc, AES-GCM like data_enc, and so do a file's monitoring
// notes, which quote incomes too; the plaintext columns go. No query filters or sorts by income: the
// services read it after unsealing.
import { needKeys, type Migration } from './types'

const NAME = '010_subsidy_sealed_incomes'
const BATCH = 500
/** Per table: the plaintext column, and the sealed column replacing it (JSON columns sealed as their text). */
const SEALED: [table: string, plain: string, sealed: string][] = [
  ['subsidy_applications', 'evaluation', 'evaluation_enc'],
  ['subsidy_files', 'evaluation', 'evaluation_enc'],
  ['subsidy_files', 'risk_reason', 'risk_reason_enc'],
  ['subsidy_files', 'recheck_note', 'recheck_note_enc'],
]

const migration: Omit<Migration, 'name'> = {
  sql: SEALED.map(([t, , sealed]) => `alter table ${t} add column ${sealed} text;`).join('\n'),
  async rewrite(q, keys) {
    for (const [t, plain, sealed] of SEALED) {
      for (;;) {
        const rows = await q.query<{ id: string; v: unknown }>(`select id, ${plain} as v from ${t} where ${plain} is not null and ${sealed} is null order by id limit ${BATCH}`)
        if (!rows.length) break
        const k = needKeys(NAME, keys)
        await q.query(`update ${t} t set ${sealed} = v.enc from unnest($1::uuid[], $2::text[]) as v(id, enc) where t.id = v.id`, [
          rows.map((r) => r.id),
          rows.map((r) => k.encrypt(typeof r.v === 'string' ? r.v : JSON.stringify(r.v))),
        ])
      }
    }
  },
  finish: `
alter table subsidy_applications alter column evaluation_enc set not null, drop column evaluation, drop column per_capita_fen;
alter table subsidy_files alter column evaluation_enc set not null, drop column evaluation, drop column per_capita_fen, drop column risk_reason, drop column recheck_note;
`,
}
export default migration

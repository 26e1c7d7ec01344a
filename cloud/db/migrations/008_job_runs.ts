// Scheduled jobs: one row per job and period slot, claimed by whichever process or function instance
// gets there first, so a slot runs once however many timers fire.
export default `
create table job_runs (
  job text not null,
  slot timestamptz not null,
  attempts integer not null default 1,
  started_at timestamptz not null,
  finished_at timestamptz,
  result jsonb,
  error text,
  primary key (job, slot)
);
`

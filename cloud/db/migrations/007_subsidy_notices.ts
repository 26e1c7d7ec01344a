// Objections raised by members during a hardship application's public notice (公示期异议), one per person.
export default `
create table subsidy_objections (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references subsidy_applications(id),
  user_id uuid not null references users(id),
  text_enc text not null,
  created_at timestamptz not null default now(),
  constraint subsidy_objections_once unique (application_id, user_id)
);
`

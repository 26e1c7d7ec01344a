// Uploaded files: who uploaded what for which purpose, where the bytes are, and (for evidence) the hardship
// application they belong to. file_blobs holds the bytes when FILE_STORE=database.
export default `
create table files (
  id uuid primary key,
  purpose text not null check (purpose in ('evidence', 'station_photo', 'product_image')),
  owner_user_id uuid not null references users(id),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  store text not null check (store in ('database', 'dir', 'cloudbase')),
  store_ref text not null,
  -- A wx.cloud.uploadFile fileID registered as this file: registering it again answers the same file.
  cloud_file_id text unique,
  application_id uuid references subsidy_applications(id),
  attached_at timestamptz,
  created_at timestamptz not null default now()
);
create index files_owner on files (owner_user_id, created_at desc);
create index files_application on files (application_id) where application_id is not null;

create table file_blobs (
  key text primary key,
  bytes bytea not null
);
`

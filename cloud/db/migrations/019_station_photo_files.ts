// Uploaded station photos: a station_photo file attached to a station, in the order staff put them.
// Detaching clears station_id and attached_at, so its public link stops answering.
export default `
alter table files add column station_id uuid references stations(id);
alter table files add column position smallint;
create index files_station on files (station_id, position) where station_id is not null;
`

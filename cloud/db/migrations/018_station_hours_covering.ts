// Open-now as an index-only probe: the finder checks each nearest station's hours for one weekday and
// minute; with the interval in the index it reads no heap page per station.
export default `
create index station_hours_open on station_hours (station_id, dow, open_min, close_min);
drop index station_hours_station;
`

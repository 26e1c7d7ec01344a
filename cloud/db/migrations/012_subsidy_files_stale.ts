// The stale flag was written by the monitoring job and read by nothing: "unchanged for a year" is computed
// from data_as_of when the files are listed, so it is never behind the calendar.
export default `
alter table subsidy_files drop column stale;
`

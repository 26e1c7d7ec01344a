// Dates as members read them, in the phone's time zone (members are in China): the year is left out only
// for dates in the current year, so a date across a year boundary ("01月05日" seen in December) is never
// read as the wrong year.
const p = (n: number) => String(n).padStart(2, '0')

/** "12月01日", or "2027年01月05日" when not in the current year. */
export function monthDayText(at: string | number | Date, now: number = Date.now()): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  const md = `${p(d.getMonth() + 1)}月${p(d.getDate())}日`
  return d.getFullYear() === new Date(now).getFullYear() ? md : `${d.getFullYear()}年${md}`
}

/** "12月01日 09:00", or "2027年01月05日 09:00" when not in the current year. */
export function monthDayTimeText(at: string | number | Date, now: number = Date.now()): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  return `${monthDayText(d, now)} ${p(d.getHours())}:${p(d.getMinutes())}`
}

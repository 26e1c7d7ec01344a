// Ordered list of migrations; imported statically so bundled cloud functions carry them.
// Applied by name, so each runs once whatever the order they arrived in.
import m001 from './001_foundation'
import m002 from './002_stations'
import m004 from './004_shop'
import m005 from './005_campaigns'
import m006 from './006_subsidy'
import m007 from './007_subsidy_notices'
import m008 from './008_job_runs'
import m009 from './009_sim_pay_keys'
import m010 from './010_subsidy_sealed_incomes'
import m011 from './011_subsidy_four_eyes'
import m012 from './012_subsidy_files_stale'
import m013 from './013_shop_order_holds'
import m014 from './014_member_id_claims'
import m015 from './015_files'
import m016 from './016_notifications'
import m017 from './017_login_challenges'
import m018 from './018_station_hours_covering'
import m019 from './019_station_photo_files'
import m020 from './020_planned_calls'
import m021 from './021_campaign_row'
import type { Migration } from './types'

export const migrations: Migration[] = [
  { name: '001_foundation', sql: m001 },
  { name: '002_stations', sql: m002 },
  { name: '004_shop', sql: m004 },
  { name: '005_campaigns', sql: m005 },
  { name: '006_subsidy', sql: m006 },
  { name: '007_subsidy_notices', sql: m007 },
  { name: '008_job_runs', sql: m008 },
  { name: '009_sim_pay_keys', sql: m009 },
  { name: '010_subsidy_sealed_incomes', ...m010 },
  { name: '011_subsidy_four_eyes', ...m011 },
  { name: '012_subsidy_files_stale', sql: m012 },
  { name: '013_shop_order_holds', sql: m013 },
  { name: '014_member_id_claims', sql: m014 },
  { name: '015_files', sql: m015 },
  { name: '016_notifications', sql: m016 },
  { name: '017_login_challenges', sql: m017 },
  { name: '018_station_hours_covering', sql: m018 },
  { name: '019_station_photo_files', sql: m019 },
  { name: '020_planned_calls', sql: m020 },
  { name: '021_campaign_row', sql: m021 },
]

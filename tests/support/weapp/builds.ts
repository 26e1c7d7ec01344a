// The two builds tests/support/weapp/setup.js made for this run.
export type Transport = 'https' | 'cloud'

export function buildDir(transport: Transport): string {
  const dir = transport === 'https' ? process.env.WEAPP_HTTPS_DIR : process.env.WEAPP_CLOUD_DIR
  if (!dir) throw new Error('No weapp build: run through the jest "weapp" project (its globalSetup builds both), or set WEAPP_HTTPS_DIR and WEAPP_CLOUD_DIR')
  return dir
}

// The file store FILE_STORE names, made once per process.
import path from 'node:path'
import type { AppConfig } from '../config'
import type { Queryable } from '../../db'
import type { WxApi } from '../wechat-api'
import { databaseStore } from './database'
import { dirStore } from './dir'
import { cloudbaseStore, cloudFiles, type CloudFiles } from './cloudbase'
import type { FileStore } from './store'

export type { FileStore } from './store'
export type { CloudFiles } from './cloudbase'

export function createFileStore(config: AppConfig, db: Queryable, cloud: CloudFiles | null): FileStore {
  if (config.files.store === 'dir') return dirStore(path.join(config.dataDir, 'files'))
  if (config.files.store === 'cloudbase') return cloudbaseStore(cloud!)
  return databaseStore(db)
}

/** WeChat cloud storage when a CloudBase environment is configured (files uploaded with wx.cloud.uploadFile). */
export function createCloudFiles(config: AppConfig, api: WxApi): CloudFiles | null {
  return config.files.tcbEnv ? cloudFiles(api, config.files.tcbEnv) : null
}

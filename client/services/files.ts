// Saving an export: a download on H5; on weapp a file in the user data folder, which WeChat can open
// (openDocument, whose menu also forwards it) or send to a chat (shareFileMessage, from a tap).
import Taro from '@tarojs/taro'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function download(filename: string, blob: Blob): string {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  return filename
}

export async function saveCsv(filename: string, csv: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return download(filename, new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const path = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(path, csv, 'utf8')
  return path
}

/** The workbook the server sent as base64. Answers the download's name (H5) or the file's path (weapp). */
export async function saveXlsx(filename: string, base64: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const bin = atob(base64)
    const bytes = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
    return download(filename, new Blob([bytes], { type: XLSX_TYPE }))
  }
  const path = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(path, base64, 'base64')
  return path
}

/** Opens a saved workbook in WeChat's viewer (weapp); its menu offers 转发 and 用其他应用打开. */
export function openXlsx(path: string): Promise<unknown> {
  return Taro.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true })
}

/** Sends a saved file to a chat (weapp; WeChat allows it only from a tap). */
export function shareFile(path: string, fileName: string): Promise<unknown> {
  return Taro.shareFileMessage({ filePath: path, fileName })
}

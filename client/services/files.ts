// Saving an exported CSV: a download on H5, a file in the user data folder on weapp.
import Taro from '@tarojs/taro'

export async function saveCsv(filename: string, csv: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = filename
    document.body.appendChild(a)
    a.click()
    a.remove()
    return filename
  }
  const path = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(path, csv, 'utf8')
  return path
}

// 导出报表: a console table as Excel (.xlsx, the default) or CSV. H5 downloads it; weapp saves it, opens an
// Excel file in WeChat's viewer and offers 转发到聊天 (shareFileMessage needs the user's tap).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ExportFormat } from '../../../../types/console'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { openXlsx, saveCsv, saveXlsx, shareFile } from '../../../services/files'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Chip } from '../../../components/ui/choice'
import { a11y } from '../../../components/ui/a11y'

const WEAPP = process.env.TARO_ENV === 'weapp'

export const TABLES = [
  ['members', '会员名册'],
  ['stations', '驿站统计'],
  ['orders', '采购订单'],
  ['campaigns', '活动情况'],
  ['subsidy_files', '困难档案'],
] as const

const FORMATS: { key: ExportFormat; label: string }[] = [
  { key: 'xlsx', label: 'Excel（.xlsx）' },
  { key: 'csv', label: 'CSV' },
]

export function ConsoleExports() {
  const [format, setFormat] = useState<ExportFormat>('xlsx')
  const [saved, setSaved] = useState<{ path: string; filename: string; format: ExportFormat } | null>(null)

  const run = async (table: (typeof TABLES)[number][0]) => {
    try {
      Taro.showLoading({ title: '正在导出' })
      const r = await api.console.export({ table, format })
      const where = r.xlsxBase64 !== null ? await saveXlsx(r.filename, r.xlsxBase64) : await saveCsv(r.filename, r.csv ?? '')
      Taro.hideLoading()
      setSaved({ path: where, filename: r.filename, format })
      if (WEAPP && format === 'xlsx') await openXlsx(where).catch(() => Taro.showModal({ title: '已导出', content: `共 ${r.rows} 行，已保存：${r.filename}。可点“转发到聊天”发到电脑上打开。`, showCancel: false }))
      else Taro.showModal({ title: '已导出', content: `共 ${r.rows} 行，已保存：${where}`, showCancel: false })
    } catch (e) {
      Taro.hideLoading()
      Taro.showModal({ title: '导出失败', content: errorText(e), showCancel: false })
    }
  }

  const share = () => {
    if (!saved) return
    shareFile(saved.path, saved.filename).catch((e: { errMsg?: string }) => {
      if (!/cancel/.test(e?.errMsg ?? '')) void Taro.showModal({ title: '转发失败', content: '请稍后重试，或在打开的文件里点右上角转发', showCancel: false })
    })
  }

  return (
    <View className='wu-card'>
      <Text className='panel-title'>导出报表</Text>
      <View className='export-formats' {...a11y({ role: 'group', label: '导出格式' })}>
        {FORMATS.map((f) => (
          <Chip key={f.key} className={`export-format format-${f.key}`} on={format === f.key} onClick={() => setFormat(f.key)}>
            {f.label}
          </Chip>
        ))}
      </View>
      {TABLES.map(([table, label]) => (
        <Btn key={table} className='export' onClick={() => run(table)}>
          {label}
        </Btn>
      ))}
      {WEAPP && saved ? (
        <View className='export-saved'>
          <Text className='export-saved-name'>{`已导出：${saved.filename}`}</Text>
          <View className='export-saved-actions'>
            {saved.format === 'xlsx' ? (
              <LinkButton className='export-open' label={`打开${saved.filename}`} onClick={() => void openXlsx(saved.path).catch(() => undefined)}>
                打开
              </LinkButton>
            ) : null}
            <LinkButton className='export-share' label={`把${saved.filename}转发到聊天`} onClick={share}>
              转发到聊天
            </LinkButton>
          </View>
        </View>
      ) : null}
    </View>
  )
}

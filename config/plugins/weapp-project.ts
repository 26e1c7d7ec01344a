// Taro copies project.config.json into the weapp output as is. The copy must not name a cloud-function
// folder relative to dist/ (there is none): the functions are opened from the repository root's copy.
import fs from 'node:fs'
import path from 'node:path'
import type { IPluginContext } from '@tarojs/service'

export default (ctx: IPluginContext) => {
  ctx.onBuildComplete(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const file = path.join(ctx.paths.outputPath, 'project.config.json')
    if (!fs.existsSync(file)) return
    const config = JSON.parse(fs.readFileSync(file, 'utf8'))
    delete config.cloudfunctionRoot
    fs.writeFileSync(file, JSON.stringify(config, null, 2))
  })
}

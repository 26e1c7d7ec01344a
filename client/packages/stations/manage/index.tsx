// Union staff and their stations: 站点管理 (search, page, add, edit, close, reopen), 到访统计 and the
// 最美驿站 ranking. The form replaces the list while it is open.
import { useState } from 'react'
import { Screen } from '../../../components/ui/screen'
import { Tabs } from '../../../components/ui/choice'
import { StationFigures } from './figures'
import { StationList } from './station-list'
import { StationFormView } from './station-form'
import '../../../components/station/station.css'
import '../stations.css'
import './index.css'

type Tab = 'list' | 'stats' | 'ranking'
const TABS: { key: Tab; label: string; className: string }[] = [
  { key: 'list', label: '站点管理', className: 'tab-list' },
  { key: 'stats', label: '到访统计', className: 'tab-stats' },
  { key: 'ranking', label: '最美驿站评选排名', className: 'tab-ranking' },
]

export default function StationManage() {
  const [tab, setTab] = useState<Tab>('list')
  // null: the list; '': a new station; else the id being edited.
  const [editing, setEditing] = useState<string | null>(null)
  // Bumped after a save so the list loads again.
  const [version, setVersion] = useState(0)

  return (
    <Screen className='wu-page station-page station-manage'>
      {editing === null ? <Tabs className='manage-tabs' tabClass='manage-tab' onClass='manage-tab-on' label='驿站管理' value={tab} onChange={setTab} tabs={TABS} /> : null}
      {editing !== null ? (
        <StationFormView
          id={editing || null}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null)
            setVersion((v) => v + 1)
          }}
        />
      ) : tab === 'list' ? (
        <StationList key={version} onAdd={() => setEditing('')} onEdit={setEditing} />
      ) : (
        <StationFigures tab={tab} />
      )}
    </Screen>
  )
}

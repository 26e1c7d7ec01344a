// The file detail as the contract sends it, one available programme, and what each acting section gets.
import type { ActionOutput } from '../../../../types/contract'

export type FileDetail = ActionOutput<'subsidy', 'file'>
export type Available = FileDetail['available'][number]

/** What a section that acts on the file gets: the file, the page's one-action-at-a-time runner, and what to do after. */
export interface SectionProps {
  d: FileDetail
  busy: string | null
  run: (key: string, fn: () => Promise<unknown>) => Promise<void>
  /** Called once the action went through: the page loads the file again. */
  onDone: () => Promise<void>
}

// The file detail as the contract sends it, and what one available programme looks like.
import type { ActionOutput } from '../../../../types/contract'

export type FileDetail = ActionOutput<'subsidy', 'file'>
export type Available = FileDetail['available'][number]

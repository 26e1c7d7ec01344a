// Hardship relief vocabulary and its Chinese labels. Free of zod so pages can import it at runtime.

export const CONDITIONS = ['serious_illness', 'chronic_illness', 'disability', 'school_costs', 'accident', 'disaster', 'job_loss', 'epidemic_income_loss'] as const
export type Condition = (typeof CONDITIONS)[number]
export const CONDITION_LABELS: Record<Condition, string> = {
  serious_illness: '本人或家庭成员患重大疾病',
  chronic_illness: '本人或家庭成员患慢性病需长期治疗',
  disability: '本人或家庭成员残疾',
  school_costs: '子女教育费用负担重',
  accident: '遭遇意外事故（如工伤、交通事故）',
  disaster: '遭受自然灾害等不可抗力',
  job_loss: '失业或下岗',
  epidemic_income_loss: '因疫情封控收入减少',
}

export const CATEGORIES = ['deep', 'relative', 'accident', 'temporary', 'none'] as const
export type SubsidyCategory = (typeof CATEGORIES)[number]
export const CATEGORY_LABELS: Record<SubsidyCategory, string> = {
  deep: '深度困难',
  relative: '相对困难',
  accident: '意外致困',
  temporary: '临时困难',
  none: '暂不符合困难职工认定条件',
}

export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other'] as const
export type Relation = (typeof RELATIONS)[number]
export const RELATION_LABELS: Record<Relation, string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女',
  other: '其他共同生活成员',
}

export const EVENT_KINDS = ['accident', 'serious_illness', 'disaster', 'job_loss', 'epidemic', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  accident: '意外事故',
  serious_illness: '突发重病',
  disaster: '自然灾害',
  job_loss: '突然失业',
  epidemic: '疫情封控',
  other: '其他突发事件',
}

export const APPLICATION_STATUSES = ['submitted', 'checked', 'notice', 'approved', 'rejected'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '待基层工会核实',
  checked: '待街道（区）工会审批',
  notice: '公示中',
  approved: '已建档',
  rejected: '未通过',
}
/** Applications still being handled (the review queue's tabs); at most one per member. */
export const OPEN_APPLICATION_STATUSES = ['submitted', 'checked', 'notice'] as const satisfies readonly ApplicationStatus[]
export type OpenApplicationStatus = (typeof OPEN_APPLICATION_STATUSES)[number]

export const FILE_KINDS = ['formal', 'temporary'] as const
export type FileKind = (typeof FILE_KINDS)[number]
export const FILE_KIND_LABELS: Record<FileKind, string> = { formal: '正式档案', temporary: '临时档案' }
export const FILE_STATUS_LABELS: Record<'active' | 'archived', string> = { active: '在档', archived: '已解困归档' }

export const FILE_FILTERS = ['all', 'active', 'archived', 'stale', 'never_helped', 'at_risk'] as const
export type FileFilter = (typeof FILE_FILTERS)[number]
export const FILE_FILTER_LABELS: Record<FileFilter, string> = {
  all: '全部',
  active: '在档',
  archived: '已归档',
  stale: '一年未更新',
  never_helped: '建档未帮扶',
  at_risk: '返困风险',
}

/** What became of a budget change: a cut applies at once, an increase waits for a second person. */
export const BUDGET_CHANGE_RESULTS = ['applied', 'pending', 'rejected', 'withdrawn'] as const
export type BudgetChangeResult = (typeof BUDGET_CHANGE_RESULTS)[number]
export const BUDGET_CHANGE_RESULT_LABELS: Record<BudgetChangeResult, string> = {
  applied: '预算已调整',
  pending: '已提交，待另一位工作人员确认',
  rejected: '已退回该调整',
  withdrawn: '已撤回该调整',
}

export { formatYuan as yuan } from './money'

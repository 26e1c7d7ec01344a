// Every value the hardship-relief contract can send has a Chinese label in the zod-free label files the
// pages import (types/subsidy-labels.ts and client/packages/subsidy/shared.ts).
import * as s from '../../types/subsidy'
import * as L from '../../types/subsidy-labels'
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, PROGRAMME_KIND_LABELS } from '../../client/packages/subsidy/shared'

const keys = (o: object) => Object.keys(o).sort()
const options = (e: { options: readonly string[] }) => [...e.options].sort()

describe('subsidy labels', () => {
  test('each enum in the schemas is the list in subsidy-labels, and each value has a non-empty label', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [L.CONDITIONS, L.CONDITION_LABELS],
      [L.CATEGORIES, L.CATEGORY_LABELS],
      [L.RELATIONS, L.RELATION_LABELS],
      [L.EVENT_KINDS, L.EVENT_KIND_LABELS],
      [L.APPLICATION_STATUSES, L.APPLICATION_STATUS_LABELS],
      [L.FILE_KINDS, L.FILE_KIND_LABELS],
      [L.FILE_FILTERS, L.FILE_FILTER_LABELS],
      [['active', 'archived'], L.FILE_STATUS_LABELS],
      [EVIDENCE_KINDS, EVIDENCE_KIND_LABELS],
    ]
    for (const [values, labels] of pairs) {
      expect(keys(labels)).toEqual([...values].sort())
      for (const v of values) expect(labels[v]).toMatch(/\S/)
    }
  })

  test('the labels match what the schemas accept and send', () => {
    expect(options(s.householdMember.shape.relation)).toEqual([...L.RELATIONS].sort())
    expect(options(s.eventSchema.shape.kind)).toEqual(keys(L.EVENT_KIND_LABELS))
    expect(options(s.householdInput.shape.conditions.element)).toEqual(keys(L.CONDITION_LABELS))
    expect(options(s.evaluation.shape.category)).toEqual(keys(L.CATEGORY_LABELS))
    expect(options(s.applicationView.shape.status)).toEqual(keys(L.APPLICATION_STATUS_LABELS))
    expect(options(s.fileSummary.shape.kind)).toEqual(keys(L.FILE_KIND_LABELS))
    expect(options(s.fileSummary.shape.status)).toEqual(keys(L.FILE_STATUS_LABELS))
    expect(options(s.filesInput.shape.filter.unwrap())).toEqual(keys(L.FILE_FILTER_LABELS))
    expect(options(s.evidenceSchema.shape.kind)).toEqual(keys(EVIDENCE_KIND_LABELS))
    expect(options(s.programmeOffer.shape.kind)).toEqual(keys(PROGRAMME_KIND_LABELS))
  })

  test('labels are distinct, so no two values read the same', () => {
    for (const labels of [L.CONDITION_LABELS, L.CATEGORY_LABELS, L.RELATION_LABELS, L.EVENT_KIND_LABELS, L.APPLICATION_STATUS_LABELS, L.FILE_FILTER_LABELS, EVIDENCE_KIND_LABELS]) {
      const texts = Object.values(labels)
      expect(new Set(texts).size).toBe(texts.length)
    }
  })

  test('yuan() shows fen as yuan with two decimals and thousands separators', () => {
    expect(L.yuan(132000)).toBe('1,320.00')
    expect(L.yuan(100000)).toBe('1,000.00')
    expect(L.yuan(5)).toBe('0.05')
    expect(L.yuan(0)).toBe('0.00')
  })
})

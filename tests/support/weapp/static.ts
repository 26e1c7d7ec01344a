// Checks of the built output that need no running: every JavaScript file parses as an ES2019 script
// (what older iOS base libraries accept), and which free names the code refers to.
import fs from 'node:fs'
import path from 'node:path'
import * as acorn from 'acorn'
import * as walk from 'acorn-walk'

export function jsFiles(dir: string): string[] {
  const out: string[] = []
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) visit(p)
      else if (e.name.endsWith('.js')) out.push(p)
    }
  }
  visit(dir)
  return out.sort()
}

export interface Finding {
  file: string
  line: number
  column: number
  message: string
}

function parse(file: string, ecmaVersion: acorn.ecmaVersion): acorn.Program {
  return acorn.parse(fs.readFileSync(file, 'utf8'), { ecmaVersion, sourceType: 'script', locations: true })
}

/** Files that do not parse as scripts of that ECMAScript version. */
export function syntaxErrors(dir: string, ecmaVersion: acorn.ecmaVersion = 2019): Finding[] {
  const out: Finding[] = []
  for (const file of jsFiles(dir)) {
    try {
      parse(file, ecmaVersion)
    } catch (e) {
      const loc = (e as { loc?: { line: number; column: number } }).loc ?? { line: 0, column: 0 }
      out.push({ file: path.relative(dir, file), ...loc, message: (e as Error).message })
    }
  }
  return out
}

/**
 * Every place an identifier with one of `names` is used as a variable (a property name such as
 * `a.process` or `{ process: 1 }` is not). Declarations count too: the built code should not need the name.
 */
export function identifierUses(dir: string, names: string[]): Finding[] {
  const wanted = new Set(names)
  const out: Finding[] = []
  for (const file of jsFiles(dir)) {
    const src = fs.readFileSync(file, 'utf8')
    walk.fullAncestor(parse(file, 'latest'), (node, _state, ancestors) => {
      if (node.type !== 'Identifier' || !wanted.has((node as acorn.Identifier).name)) return
      const parent = ancestors[ancestors.length - 2] as acorn.Node & Record<string, unknown>
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return
      if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && parent.key === node && !parent.computed && !parent.shorthand) return
      const { line, column } = node.loc!.start
      out.push({ file: path.relative(dir, file), line, column, message: src.slice(Math.max(0, node.start - 40), node.end + 40) })
    })
  }
  return out
}

/** Whether some built JavaScript file contains `text`. */
export function bundleContains(dir: string, text: string): boolean {
  return jsFiles(dir).some((f) => fs.readFileSync(f, 'utf8').includes(text))
}

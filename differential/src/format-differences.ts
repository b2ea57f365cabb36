import { isDeepStrictEqual } from 'node:util'
import type { Difference } from './compare-runs.js'
import { canonicalJson } from './normalise-outcome.js'

const maxValueChars = 300
const maxPathsPerStep = 12

/**
 * Differences as text for a failure message or the results file: for each differing step, the
 * paths whose values differ, with DynamoDB Local's value and the emulator's.
 */
export function formatDifferences(differences: Difference[]): string {
  return differences
    .map((difference) => {
      if (difference.local === undefined || difference.emulator === undefined) {
        return `${difference.step}\n  DynamoDB Local: ${show(difference.local)}\n  emulator:       ${show(difference.emulator)}`
      }
      const paths = differingPaths(difference.local, difference.emulator, '')
      const shown = paths
        .slice(0, maxPathsPerStep)
        .map(
          ({ path, local, emulator }) =>
            `  ${path || '(whole answer)'}\n    DynamoDB Local: ${show(local)}\n    emulator:       ${show(emulator)}`,
        )
      if (paths.length > maxPathsPerStep)
        shown.push(`  …and ${paths.length - maxPathsPerStep} more`)
      return `${difference.step}\n${shown.join('\n')}`
    })
    .join('\n')
}

interface PathDifference {
  path: string
  local: unknown
  emulator: unknown
}

/** Where two JSON values differ, as dotted paths; a whole value where their kinds differ. */
function differingPaths(local: unknown, emulator: unknown, path: string): PathDifference[] {
  if (isDeepStrictEqual(local, emulator)) return []
  // An error on one side only, or a different status: the whole answers say it best.
  if (isRecord(local) && isRecord(emulator) && path === '' && local.status !== emulator.status) {
    return [{ path, local, emulator }]
  }
  if (isRecord(local) && isRecord(emulator)) {
    const keys = [...new Set([...Object.keys(local), ...Object.keys(emulator)])]
    return keys.flatMap((key) =>
      differingPaths(local[key], emulator[key], path ? `${path}.${key}` : key),
    )
  }
  if (Array.isArray(local) && Array.isArray(emulator) && local.length === emulator.length) {
    return local.flatMap((item, index) =>
      differingPaths(item, emulator[index], `${path}[${index}]`),
    )
  }
  return [{ path, local, emulator }]
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)'
  // Keys sorted: the text of a run does not depend on the order a backend wrote them in.
  const text = canonicalJson(value)
  return text.length > maxValueChars ? `${text.slice(0, maxValueChars)}…` : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

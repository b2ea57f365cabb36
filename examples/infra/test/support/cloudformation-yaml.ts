import { parseDocument, type Tags } from 'yaml'

// The short forms of CloudFormation's intrinsic functions, each turned into the long form
// (`!Ref X` into `{ Ref: X }`), as CloudFormation itself reads a YAML template.
const functions = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
] as const

const cloudFormationTags: Tags = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!Condition', resolve: (value: string) => ({ Condition: value }) },
  // `!GetAtt Resource.Attribute` is the scalar form of `Fn::GetAtt: [Resource, Attribute]`.
  {
    tag: '!GetAtt',
    resolve: (value: string) => {
      const dot = value.indexOf('.')
      return { 'Fn::GetAtt': [value.slice(0, dot), value.slice(dot + 1)] }
    },
  },
  { tag: '!GetAtt', collection: 'seq', resolve: (seq) => ({ 'Fn::GetAtt': seq.toJSON() }) },
  ...functions.flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => ({ [`Fn::${name}`]: value }) },
    {
      tag: `!${name}`,
      collection: 'seq' as const,
      resolve: (seq: { toJSON(): unknown }) => ({ [`Fn::${name}`]: seq.toJSON() }),
    },
    {
      tag: `!${name}`,
      collection: 'map' as const,
      resolve: (map: { toJSON(): unknown }) => ({ [`Fn::${name}`]: map.toJSON() }),
    },
  ]),
]

/** A CloudFormation template as CloudFormation reads it, short-form intrinsics in long form. */
export interface CloudFormationTemplate {
  Parameters?: Record<string, { Type: string; Default?: string }>
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>
  Outputs?: Record<string, { Value: unknown }>
}

/**
 * Parses a YAML CloudFormation template, understanding the `!Ref`, `!Sub`, `!GetAtt`... tags.
 *
 * @param source - the template's text
 * @throws Error naming every problem: malformed YAML, or a tag that is not CloudFormation's
 */
export function parseCloudFormationYaml(source: string): CloudFormationTemplate {
  const document = parseDocument(source, { customTags: cloudFormationTags, strict: true })
  // The parser only warns about an unknown tag and keeps the plain value: a typo like `!Reff`
  // would pass silently.
  const problems = [...document.errors, ...document.warnings]
  if (problems.length > 0) {
    throw new Error(
      `not a CloudFormation YAML template: ${problems.map((p) => p.message).join('; ')}`,
    )
  }
  return document.toJS() as CloudFormationTemplate
}

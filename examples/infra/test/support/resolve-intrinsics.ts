/**
 * Values for a template's parameters, pseudo parameters such as `AWS::Region`, and resource
 * attributes as `Logical.Attribute` (e.g. `AuthTable.Arn`).
 */
export type ParameterValues = Readonly<Record<string, string>>

/**
 * The parameter values a stack gets when none is passed: each parameter's `Default`.
 *
 * @param parameters - the template's `Parameters` section
 * @param overrides - values passed at deploy time
 * @throws Error naming a parameter that has neither a default nor an override
 */
export function parameterValues(
  parameters: Record<string, { Default?: string }> = {},
  overrides: ParameterValues = {},
): ParameterValues {
  const values: Record<string, string> = {}
  for (const [name, { Default }] of Object.entries(parameters)) {
    const value = overrides[name] ?? Default
    if (value === undefined) throw new Error(`parameter ${name} has no default: pass a value`)
    values[name] = value
  }
  return { 'AWS::Region': 'us-east-1', 'AWS::AccountId': '000000000000', ...values, ...overrides }
}

/**
 * Replaces `Ref`, `Fn::GetAtt`, `Fn::Sub` and `Fn::Join` over known values with their results,
 * as CloudFormation does at deploy time, so table properties can be handed to the emulator and
 * policy resources compared with the documented ARNs.
 *
 * @param value - a part of a template (in long form)
 * @param parameters - the values, from {@link parameterValues}
 * @param path - where `value` sits, for error messages
 * @throws Error naming the path of any other intrinsic, or one over a value not given (a
 *   resource's attribute that only a deployed stack knows)
 */
export function resolveIntrinsics(
  value: unknown,
  parameters: ParameterValues,
  path = '$',
): unknown {
  if (Array.isArray(value)) {
    return value.map((item, index) => resolveIntrinsics(item, parameters, `${path}[${index}]`))
  }
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value)
  const [first] = entries
  if (entries.length === 1 && first && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
    const [fn, argument] = first
    if (fn === 'Ref' && typeof argument === 'string' && argument in parameters) {
      return parameters[argument]
    }
    if (fn === 'Fn::GetAtt' && Array.isArray(argument) && argument.join('.') in parameters) {
      return parameters[argument.join('.')]
    }
    if (fn === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string') {
      const parts = resolveIntrinsics(argument[1], parameters, `${path}.Fn::Join[1]`)
      if (Array.isArray(parts)) return parts.join(argument[0])
    }
    if (fn === 'Fn::Sub' && typeof argument === 'string') {
      return argument.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
        const resolved = parameters[name]
        if (resolved === undefined) {
          throw new Error(`${path}: Fn::Sub refers to \${${name}}, which has no value here`)
        }
        return resolved
      })
    }
    throw new Error(
      `${path}: ${fn} ${JSON.stringify(argument)} has no value here (a deployed stack's)`,
    )
  }
  return Object.fromEntries(
    entries.map(([key, item]) => [key, resolveIntrinsics(item, parameters, `${path}.${key}`)]),
  )
}

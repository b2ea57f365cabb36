import type { CloudFormationTemplate } from './cloudformation-yaml.js'

/** An IAM policy statement as CloudFormation templates hold it (intrinsics unresolved). */
export interface PolicyStatement {
  Effect: string
  Action: string[]
  Resource: unknown
}

/**
 * The statements of the template's one `AWS::IAM::ManagedPolicy`.
 *
 * @param template - a template in long form (parsed YAML, or a CDK synthesis)
 * @throws Error when the template has no managed policy or more than one
 */
export function managedPolicyStatements(template: CloudFormationTemplate): PolicyStatement[] {
  const policies = Object.values(template.Resources).filter(
    (resource) => resource.Type === 'AWS::IAM::ManagedPolicy',
  )
  const [policy] = policies
  if (!policy || policies.length > 1) {
    throw new Error(`expected one AWS::IAM::ManagedPolicy, found ${policies.length}`)
  }
  const document = policy.Properties?.PolicyDocument as
    | { Statement?: PolicyStatement[] }
    | undefined
  return document?.Statement ?? []
}

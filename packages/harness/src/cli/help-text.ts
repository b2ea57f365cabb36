import { CLI_NAME } from './parse-cli.js'
import { envName, SETTING_SPECS } from './settings.js'

/**
 * The text `auth-dynamo-emulator --help` prints.
 *
 * @param version - the package version to show in the first line
 */
export function helpText(version: string): string {
  const rows: [string, string, string][] = SETTING_SPECS.map((spec) => [
    `${spec.short ? `-${spec.short}, ` : '    '}--${spec.flag} ${spec.valueName}`,
    spec.description,
    `default ${spec.defaultText}, env ${envName(spec)}`,
  ])
  rows.push(
    ['    --json', 'print one JSON line when ready, nothing else on stdout', ''],
    ['-h, --help', 'show this help', ''],
    ['-v, --version', 'print the version', ''],
  )
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2
  const lines = rows.map(
    ([flag, text, fallback]) =>
      `  ${flag.padEnd(width)}${text}${fallback ? `\n  ${' '.repeat(width)}${fallback}` : ''}`,
  )
  return [
    `${CLI_NAME} ${version}: a local DynamoDB with the Auth.js table and TTL expiry`,
    '',
    `Usage: ${CLI_NAME} [flags]`,
    '',
    'Flags:',
    ...lines,
    '',
    'A flag wins over its environment variable, which wins over the default.',
    'Stop with Ctrl+C (SIGINT) or SIGTERM.',
    '',
  ].join('\n')
}

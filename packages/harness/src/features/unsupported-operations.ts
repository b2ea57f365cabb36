/**
 * DynamoDB operations the emulator knows of but does not implement, with what to do instead.
 * Anything not listed and not supported answers UnknownOperationException too.
 */
export const unsupportedOperations: ReadonlyMap<string, string> = new Map([
  ['ExecuteStatement', 'PartiQL is not supported yet: use the item API'],
  ['BatchExecuteStatement', 'PartiQL is not supported yet: use the item API'],
  ['ExecuteTransaction', 'PartiQL is not supported yet: use TransactWriteItems'],
  ['CreateBackup', 'backups are not emulated'],
  ['DescribeBackup', 'backups are not emulated'],
  ['ListBackups', 'backups are not emulated'],
  ['RestoreTableFromBackup', 'backups are not emulated'],
  ['DescribeContinuousBackups', 'backups are not emulated'],
  ['UpdateContinuousBackups', 'backups are not emulated'],
  ['CreateGlobalTable', 'global tables are not emulated'],
  ['DescribeGlobalTable', 'global tables are not emulated'],
  ['ExportTableToPointInTime', 'exports are not emulated'],
  ['ImportTable', 'imports are not emulated'],
])

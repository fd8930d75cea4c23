/**
 * The file-reading and row-validation layer of the admin imports (issue 10). Pure of the
 * database: the admin command reads a file with `readTable`, validates it with one of the specs,
 * resolves and applies the accepted rows, and writes the rejected ones with `writeRejectedReport`.
 */
export { readTable, type ReadTableOptions } from './read-table';
export { ImportFileError, type Table, type TableRow } from './table';
export { DATE_FORMATS, DateFormat, parseDateCell } from './dates';
export { matchColumns, normaliseHeader, type FieldSpec, type HeaderMapping } from './headers';
export { HeaderMappingFile, parseHeaderMapping, readHeaderMapping } from './mapping';
export { validateRows, type Accepted, type ImportResult, type Rejected, type RowSpec, type ValidateOptions } from './row-spec';
export { rejectedReportPath, writeRejectedReport } from './rejected-report';
export { USERS_SPEC, UserRow, userNaturalKey, validateUsers } from './specs/users';
export { WALLS_SPEC, WallRow, validateWalls, wallNaturalKey } from './specs/walls';
export { CLIENTS_SPEC, ClientRow, clientNaturalKey, validateClients } from './specs/clients';
export { SECONDMENTS_SPEC, SecondmentRow, secondmentNaturalKey, validateSecondments } from './specs/secondments';
export { DEFAULT_OBJECTIVE_CATEGORY, ObjectiveRow } from './specs/objectives';

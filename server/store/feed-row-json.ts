/**
 * A client's, a need's and a secondment's contract JSON written by SQLite itself (`json_object`),
 * for the change feed: a large book's full sync reads ~75,000 of these rows, and turning each into
 * a JS object of up to ~20 columns and back into JSON was most of the endpoint's CPU per feed
 * (bench/feed-serving.ts). The text is what `toClient` / `toNeed` / `toSecondment` (rows.ts) give
 * for the same row, key for key (test/server/feed-row-json.test.ts holds them equal over a
 * generated book and the rarer shapes); PostgreSQL keeps those mappers.
 *
 * A row whose stored JSON column is not valid JSON gives NULL here, which the feed's contract check
 * refuses as it refuses any broken row (the mappers would have thrown).
 */

/** `{userId, name}` when the name is set (not NULL, not empty), else null: as the mappers' `name ? … : null`. */
function person(userIdColumn: string, nameColumn: string): string {
  return `json(CASE WHEN ${nameColumn} <> '' THEN json_object('userId', ${userIdColumn}, 'name', ${nameColumn}) END)`;
}

/** A stored JSON column as JSON, or null when it is NULL or empty. */
function jsonColumn(column: string): string {
  return `json(NULLIF(${column}, ''))`;
}

/** True when every optional JSON column is absent, empty or valid, and every required one valid. */
function storedJsonValid(optional: string[], required: string[] = []): string {
  return [
    ...optional.map((c) => `(${c} IS NULL OR ${c} = '' OR json_valid(${c}))`),
    ...required.map((c) => `json_valid(${c})`),
  ].join(' AND ');
}

export const NEED_JSON = `CASE WHEN ${storedJsonValid(['matter_json'])} THEN json_object(
  'id', id, 'clientId', client_id, 'title', title, 'detail', detail, 'practiceArea', practice_area,
  'identifiedBy', json_object('userId', identified_by_user_id, 'name', identified_by_name),
  'identifiedAt', identified_at, 'sourceSecondmentId', source_secondment_id,
  'confidential', json(CASE WHEN confidential = 1 THEN 'true' ELSE 'false' END), 'status', status,
  'owner', ${person('owner_user_id', 'owner_name')}, 'matter', ${jsonColumn('matter_json')},
  'statusChangedBy', ${person('status_changed_by_user_id', 'status_changed_by_name')},
  'statusChangedAt', status_changed_at, 'version', CAST(COALESCE(version, 1) AS TEXT)) END`;

export const SECONDMENT_JSON = `CASE WHEN ${storedJsonValid(['host_contact_json', 'review_json'], ['objectives_json'])} THEN json_object(
  'id', id, 'clientId', client_id, 'direction', direction,
  'person', json_object('userId', person_user_id, 'name', person_name, 'title', person_title),
  'hostTeam', host_team, 'hostContact', ${jsonColumn('host_contact_json')},
  'plannedStart', planned_start, 'plannedEnd', planned_end, 'actualEnd', actual_end, 'status', status,
  'billingBasis', billing_basis, 'objectives', json(objectives_json),
  'checkIns', json_object('last', checkin_last, 'nextDue', checkin_next_due),
  'review', ${jsonColumn('review_json')}, 'reintegrationPlan', reintegration_plan,
  'firmMentor', ${person('firm_mentor_user_id', 'firm_mentor_name')},
  'version', CAST(COALESCE(version, 1) AS TEXT)) END`;

/** A client with its external records, in the order they were linked (as `toClient` over the mappings by rowid). */
export const CLIENT_JSON = `json_object('id', id, 'name', name, 'industry', industry, 'externalIds', (
  SELECT json_group_array(json_object('system', m.system, 'kind', m.kind, 'externalId', m.external_id, 'tenant', m.tenant) ORDER BY m.rowid)
  FROM mappings m WHERE m.client_id = clients.id))`;

import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { parse as parseJsonc } from 'jsonc-parser';

/**
 * The C3VOC JSON schema for frab/pretalx `schedule.json` (in the shared corpus), as a validator,
 * for the tests. The file is not strict JSON (it has `//` comments): read as JSONC.
 *
 * Formats are checked (uuid, uri, date, date-time…) except `date-time` on an event's `start`:
 * every real frab and pretalx file, the schema's own example files among them, writes `HH:MM`
 * there, and so do the schedule apps that read them; Hallway follows the files.
 */

export const SCHEMA_PATH = path.join(process.cwd(), '..', 'shared', 'corpus', 'schedules', '00-c3voc-schedule-json-schema.json');

export function loadScheduleValidator(file = SCHEMA_PATH): ((data: unknown) => ErrorObject[]) | null {
  if (!fs.existsSync(file)) return null;
  const schema = parseJsonc(fs.readFileSync(file, 'utf8')) as { definitions: { Event: { properties: { start: Record<string, unknown> } } } };
  const { format: _dateTime, ...start } = schema.definitions.Event.properties.start;
  schema.definitions.Event.properties.start = { ...start, pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  ajv.addFormat('color', /^#[0-9a-f]{3,8}$/i);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []));
}

import {
  customFieldOps,
  isGroup,
  type SegmentCondition,
  type SegmentDefinition,
  type SegmentProblem,
} from '../../../shared/schemas/segment';
import { dayFromText, dayText, endOfDay } from '../../../shared/days';
import type { Db } from '../db/open';
import { CrmError } from '../errors';
import { invalid } from '../records/problems';
import { startOfDaysAgo, startOfYearAgo } from './relative-days';
import { segmentTargets, type SegmentTargets } from './targets';

/** A segment as SQL over `contacts c`: every value a named parameter, every identifier from the fixed text below. */
export interface SegmentSql {
  where: string;
  params: Record<string, unknown>;
}

/** The SQL, or the problems that stop it (a deleted tag, field, stage or choice): never a count that means something else. */
export type CompiledSegment =
  (SegmentSql & { problems: [] }) | { where: null; params: Record<string, never>; problems: SegmentProblem[] };

// A condition on another table is written as c.id [NOT] IN (a set), each set built once from an index;
// the people are then counted from contacts_for_segments (migration 24), which holds every contacts
// column a condition tests, so no contact's row is read.

/** The people of the companies `companies` selects (an SQL list of company ids). */
const peopleOf = (companies: string) =>
  `SELECT cc.id FROM contacts cc WHERE cc.company_id IS NOT NULL AND cc.company_id IN (${companies})`;

/** The people with a deal meeting `dealCondition`: deals linked to the person, or to the person's company (not in the trash). */
const withDeal = (dealCondition: string) =>
  `SELECT d.contact_id FROM deals d WHERE d.contact_id IS NOT NULL AND d.deleted_at IS NULL AND ${dealCondition}` +
  ` UNION ${peopleOf(`SELECT d.company_id FROM deals d WHERE d.company_id IS NOT NULL AND d.deleted_at IS NULL AND ${dealCondition}`)}`;
const won = "d.stage_id IN (SELECT id FROM pipeline_stages WHERE kind = 'won')";

/** The linked company's columns a segment can test. */
const companyColumns = { name: 'name', industry: 'industry', website: 'website', leadSource: 'lead_source' } as const;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/**
 * Compiles segment definitions against the database as it is now: the
 * tags, fields, stages and choices they name are looked up first, and any
 * that no longer exist are reported instead of SQL. Relative dates are
 * counted from `now` in calendar days of the local time zone (shared/days.ts).
 */
export function segmentCompiler(db: Db) {
  const targets = segmentTargets(db);

  return (definition: SegmentDefinition, now: Date): CompiledSegment => {
    const problems = targets.problemsOf(definition);
    if (problems.length > 0) return { where: null, params: {}, problems };
    const params: Record<string, unknown> = {};
    let next = 0;
    const param = (value: unknown): string => {
      const name = `seg${next++}`;
      params[name] = value;
      return `@${name}`;
    };
    const group = (match: 'all' | 'any', items: SegmentDefinition['conditions']): string => {
      // No conditions yet: everyone.
      if (items.length === 0) return '1';
      const parts = items.map((item) =>
        isGroup(item) ? group(item.match, item.conditions) : conditionSql(item, param, now, targets),
      );
      return `(${parts.join(match === 'all' ? ' AND ' : ' OR ')})`;
    };
    return { where: group(definition.match, definition.conditions), params, problems: [] };
  };
}

/** One condition as SQL over `contacts c`. Checked against its field's type: a wrong pair is bad input, refused in words. */
function conditionSql(
  condition: SegmentCondition,
  param: (value: unknown) => string,
  now: Date,
  targets: SegmentTargets,
): string {
  const since = (days: number) => startOfDaysAgo(now, days);
  switch (condition.kind) {
    case 'tags': {
      const tags = `SELECT tag_id FROM (SELECT value AS tag_id FROM json_each(${param(JSON.stringify([...new Set(condition.tagIds)]))}))`;
      const tagged = `SELECT contact_id FROM contact_tags WHERE tag_id IN (${tags})`;
      if (condition.op === 'none') return `c.id NOT IN (${tagged})`;
      if (condition.op === 'any') return `c.id IN (${tagged})`;
      return `c.id IN (${tagged} GROUP BY contact_id HAVING count(*) = ${param(new Set(condition.tagIds).size)})`;
    }
    case 'leadSource':
      if (condition.op === 'isEmpty') return "(c.lead_source IS NULL OR c.lead_source = '')";
      return `c.lead_source IN (SELECT value FROM json_each(${param(JSON.stringify(condition.values))}))`;
    case 'consent':
      return `c.consent IN (SELECT value FROM json_each(${param(JSON.stringify(condition.values))}))`;
    case 'companyField': {
      const column = `co.${companyColumns[condition.field]}`;
      const peopleOfCompanies = (test: string) =>
        peopleOf(`SELECT co.id FROM companies co WHERE co.deleted_at IS NULL AND ${test}`);
      // Empty: no company, a company in the trash, or one without the value.
      if (condition.op === 'isEmpty') return `c.id NOT IN (${peopleOfCompanies(`coalesce(${column}, '') <> ''`)})`;
      const value = requiredText(condition.value, 'value');
      return `c.id IN (${peopleOfCompanies(condition.op === 'contains' ? `${column} LIKE ${param(likePattern(value))} ESCAPE '\\'` : `${column} = ${param(value)}`)})`;
    }
    case 'customField':
      return customFieldSql(condition, param, now, targets);
    case 'lifecycle': {
      const cutoff = startOfYearAgo(now).toISOString();
      const everWon = `(${withDeal(won)})`;
      const wonRecently = () => `(${withDeal(`${won} AND d.closed_at >= ${param(cutoff)}`)})`;
      const sqlOf = {
        lead: () => `c.id NOT IN ${everWon}`,
        customer: () => `c.id IN ${wonRecently()}`,
        former_customer: () => `(c.id IN ${everWon} AND c.id NOT IN ${wonRecently()})`,
      };
      return `(${[...new Set(condition.values)].map((stage) => sqlOf[stage]()).join(' OR ')})`;
    }
    case 'lastActivity': {
      const recent = `SELECT a.contact_id FROM activities a WHERE a.contact_id IS NOT NULL AND a.deleted_at IS NULL AND a.occurred_at >= ${param(since(condition.days).toISOString())} AND a.occurred_at <= ${param(now.toISOString())}`;
      return `c.id ${condition.op === 'noneInLast' ? 'NOT IN' : 'IN'} (${recent})`;
    }
    case 'dealStage':
      return `c.id IN (${withDeal(`d.stage_id IN (SELECT value FROM json_each(${param(JSON.stringify(condition.stageIds))}))`)})`;
    case 'created': {
      if (condition.op === 'inLastDays') return `c.created_at >= ${param(since(condition.days).toISOString())}`;
      const day = dayFromText(condition.date);
      if (!day) throw invalid('date', `${condition.date} is not a real day.`);
      return condition.op === 'before'
        ? `c.created_at < ${param(day.toISOString())}`
        : `c.created_at >= ${param(endOfDay(day).toISOString())}`;
    }
  }
}

function requiredText(value: string | number | undefined, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw invalid(field, 'This condition needs a value: type what to look for.');
  return value;
}

function customFieldSql(
  condition: Extract<SegmentCondition, { kind: 'customField' }>,
  param: (value: unknown) => string,
  now: Date,
  targets: SegmentTargets,
): string {
  const field = targets.field(condition.fieldId);
  // The problems check ran first, so the field exists and belongs to contacts or companies.
  if (!field || (field.kind !== 'contact' && field.kind !== 'company'))
    throw new CrmError('NOT_FOUND', 'That custom field no longer exists.');
  const allowed: readonly string[] = customFieldOps[field.type];
  if (!allowed.includes(condition.op))
    throw invalid('op', `“${field.label}” is a ${field.type} field; it cannot be tested that way.`);
  const table = field.kind === 'contact' ? 'contact_custom_values' : 'company_custom_values';
  const holders = (test: string) =>
    `SELECT v.${field.kind}_id FROM ${table} v WHERE v.field_id = ${param(field.id)} AND ${test}`;
  // A company's values count while the company is not in the trash, as its other fields do.
  const people = (test: string) =>
    field.kind === 'contact'
      ? holders(test)
      : peopleOf(`${holders(test)} AND v.company_id IN (SELECT co.id FROM companies co WHERE co.deleted_at IS NULL)`);
  const valuesWhere = (test: string) => `c.id IN (${people(test)})`;
  const number = () => {
    if (typeof condition.value !== 'number') throw invalid('value', `“${field.label}” needs a number to compare with.`);
    return param(condition.value);
  };
  const day = () => {
    if (typeof condition.value !== 'string' || !dayFromText(condition.value))
      throw invalid('value', `“${field.label}” needs a date (YYYY-MM-DD).`);
    return param(condition.value);
  };
  switch (condition.op) {
    case 'isEmpty':
      return `c.id NOT IN (${people('1')})`;
    case 'contains':
      return valuesWhere(`v.value LIKE ${param(likePattern(requiredText(condition.value, 'value')))} ESCAPE '\\'`);
    case 'is':
      return valuesWhere(`v.value = ${param(requiredText(condition.value, 'value'))} COLLATE NOCASE`);
    case 'eq':
      return valuesWhere(`v.value = ${number()}`);
    case 'lt':
      return valuesWhere(`v.value < ${number()}`);
    case 'gt':
      return valuesWhere(`v.value > ${number()}`);
    case 'before':
      return valuesWhere(`v.value < ${day()}`);
    case 'after':
      return valuesWhere(`v.value > ${day()}`);
    case 'inLastDays': {
      if (condition.days === undefined) throw invalid('days', `Say how many days back to look in “${field.label}”.`);
      return valuesWhere(
        `v.value >= ${param(dayText(startOfDaysAgo(now, condition.days)))} AND v.value <= ${param(dayText(now))}`,
      );
    }
    case 'isOneOf': {
      if (!condition.values) throw invalid('values', `Choose at least one of the choices of “${field.label}”.`);
      // Stored choices are spelled as the field spells them: compare with those spellings.
      const chosen = condition.values.map(
        (value) => field.choices.find((choice) => choice.toLowerCase() === value.toLowerCase()) ?? value,
      );
      return valuesWhere(`v.value IN (SELECT value FROM json_each(${param(JSON.stringify(chosen))}))`);
    }
  }
}

/**
 * The SQL WHERE (over `contacts c`, with named parameters) for the people a
 * segment matches at `now`; campaigns add a segment's members with it. A
 * segment naming a deleted tag, field, stage or choice is refused with the
 * words saying what to edit.
 */
export function segmentFilter(db: Db, definition: SegmentDefinition, now: Date): SegmentSql {
  const compiled = segmentCompiler(db)(definition, now);
  if (compiled.where === null)
    throw new CrmError('VALIDATION', compiled.problems.map((problem) => problem.message).join(' '));
  return { where: compiled.where, params: compiled.params };
}

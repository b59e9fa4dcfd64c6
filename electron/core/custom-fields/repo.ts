import { IsoDate, type CustomFilter } from '../../../shared/schemas/common';
import type { ChoiceRename, CustomField, CustomFieldType } from '../../../shared/schemas/custom-field';
import { isStorableNumber, tooLargeToStore } from '../../../shared/exact-number';
import type { FieldedKind, FieldedRef } from '../../../shared/schemas/record';
import { z } from 'zod';
import type { Db } from '../db/open';
import { parseStoredJson } from '../db/stored-json';
import { CrmError } from '../errors';
import { writer } from '../db/write';
import { historyRepo } from '../records/history';
import { customTableOf, ownerColumn } from '../records/kinds';
import type { Conditions } from '../records/list-query';
import { gone, invalid } from '../records/problems';
import { deletedTargets, freshIdSql } from '../views/deleted-targets';
import { plannedRenames } from './choice-renames';

interface FieldRow {
  id: number;
  record_kind: FieldedKind;
  label: string;
  type: CustomFieldType;
  choices: string;
  position: number;
  created_at: string;
}

export type StoredValue = string | number;
const kinds = ['contact', 'company', 'deal'] as const;

const StoredChoices = z.array(z.string());
const damagedChoices = (label: string) =>
  new CrmError(
    'STORAGE',
    `The list of choices of the custom field “${label}” is damaged. Restore a backup from before it was damaged.`,
  );

function toField(row: FieldRow): CustomField {
  return {
    id: row.id,
    kind: row.record_kind,
    label: row.label,
    type: row.type,
    choices: parseStoredJson(StoredChoices, row.choices, () => damagedChoices(row.label)),
    position: row.position,
    createdAt: row.created_at,
  };
}

const fieldGone = (key: string) =>
  gone(key, 'That custom field no longer exists. It may have been deleted in Settings.');

/**
 * Custom field definitions (per kind, ordered) and their values on records,
 * each value checked against its field's type before it is stored.
 */
export function customFieldsRepo(db: Db) {
  const write = writer(db);
  const history = historyRepo(db);
  const all = db.prepare<[], FieldRow>('SELECT * FROM custom_fields ORDER BY record_kind, position, id');
  const ofKind = db.prepare<[string], FieldRow>(
    'SELECT * FROM custom_fields WHERE record_kind = ? ORDER BY position, id',
  );
  const byId = db.prepare<[number], FieldRow>('SELECT * FROM custom_fields WHERE id = ?');
  const byLabel = db.prepare<[string, string], FieldRow>(
    'SELECT * FROM custom_fields WHERE record_kind = ? AND label = ?',
  );
  const nextPosition = db
    .prepare<[string], number>('SELECT coalesce(max(position) + 1, 0) FROM custom_fields WHERE record_kind = ?')
    .pluck();
  const deleted = deletedTargets(db);
  const insert = db.prepare<
    [{ kind: string; label: string; type: string; choices: string; position: number; now: string }],
    { id: number }
  >(
    `INSERT INTO custom_fields (id, record_kind, label, type, choices, position, created_at) VALUES (${freshIdSql('customField')}, @kind, @label, @type, @choices, @position, @now) RETURNING id`,
  );
  const change = db.prepare<[{ id: number; label: string; choices: string }]>(
    'UPDATE custom_fields SET label = @label, choices = @choices WHERE id = @id',
  );
  const move = db.prepare<[number, number]>('UPDATE custom_fields SET position = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM custom_fields WHERE id = ?');

  const valuesOf = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number], { field_id: number; value: StoredValue }>(
        `SELECT field_id, value FROM ${customTableOf[kind]} WHERE ${ownerColumn[kind]} = ?`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number], { field_id: number; value: StoredValue }>>>;
  const valueOf = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db
        .prepare<[number, number], StoredValue>(
          `SELECT value FROM ${customTableOf[kind]} WHERE ${ownerColumn[kind]} = ? AND field_id = ?`,
        )
        .pluck(),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number, number], StoredValue>>>;
  const upsert = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number, number, StoredValue]>(
        `INSERT INTO ${customTableOf[kind]} (${ownerColumn[kind]}, field_id, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number, number, StoredValue]>>>;
  const clear = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number, number]>(
        `DELETE FROM ${customTableOf[kind]} WHERE ${ownerColumn[kind]} = ? AND field_id = ?`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number, number]>>>;
  // Records in the trash count too: their values go with the field as well.
  const valueCount = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number], number>(`SELECT count(*) FROM ${customTableOf[kind]} WHERE field_id = ?`).pluck(),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number], number>>>;
  const valuesOfField = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number], { owner: number; value: StoredValue }>(
        `SELECT ${ownerColumn[kind]} AS owner, value FROM ${customTableOf[kind]} WHERE field_id = ?`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number], { owner: number; value: StoredValue }>>>;
  const choiceInUse = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db
        .prepare<[number, string], number>(
          `SELECT count(*) FROM ${customTableOf[kind]} WHERE field_id = ? AND value = ? COLLATE NOCASE`,
        )
        .pluck(),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number, string], number>>>;

  function field(id: number, key = `custom.${id}`): CustomField {
    const row = byId.get(id);
    if (!row) throw fieldGone(key);
    return toField(row);
  }

  function labelIsFree(kind: FieldedKind, label: string, except?: number): void {
    const same = byLabel.get(kind, label);
    if (same && same.id !== except) throw invalid('label', `There is already a field called “${same.label}”.`);
  }

  /** A value as its field stores it; a VALIDATION error under `key` otherwise. '' clears a text field. */
  function checked(definition: CustomField, value: StoredValue, key: string): StoredValue | null {
    switch (definition.type) {
      case 'text': {
        if (typeof value !== 'string') throw invalid(key, `${definition.label} must be text.`);
        const text = value.trim();
        return text === '' ? null : text;
      }
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value))
          throw invalid(key, `${definition.label} must be a number.`);
        // 12345678901234567890 arrives as 12345678901234567000: keeping it would keep a number nobody typed.
        if (!isStorableNumber(value)) throw invalid(key, tooLargeToStore(definition.label));
        return value;
      case 'date': {
        if (typeof value !== 'string' || !IsoDate.safeParse(value).success)
          throw invalid(key, `${definition.label} must be a date (YYYY-MM-DD).`);
        return value;
      }
      case 'choice': {
        const choice =
          typeof value === 'string'
            ? definition.choices.find((option) => option.toLowerCase() === value.trim().toLowerCase())
            : undefined;
        if (choice === undefined)
          throw invalid(key, `${definition.label} must be one of: ${definition.choices.join(', ')}.`);
        return choice;
      }
    }
  }

  /** Every record (those in the trash too) holding `from` gets `to`, with a history entry each. */
  function renameOnRecords(definition: CustomField, { from, to }: ChoiceRename, now: string): void {
    const kind = definition.kind;
    for (const { owner, value } of valuesOfField[kind].all(definition.id)) {
      if (typeof value !== 'string' || value.toLowerCase() !== from.toLowerCase() || value === to) continue;
      upsert[kind].run(owner, definition.id, to);
      history.add(
        { kind, id: owner },
        [{ action: 'changed', field: `custom.${definition.id}`, oldValue: value, newValue: to }],
        now,
      );
    }
  }

  function ownField(kind: FieldedKind, fieldId: number, key: string): CustomField {
    const definition = field(fieldId, key);
    if (definition.kind !== kind) throw fieldGone(key);
    return definition;
  }

  return {
    list: (kind?: FieldedKind): CustomField[] => (kind ? ofKind.all(kind) : all.all()).map(toField),
    get(id: number): CustomField | undefined {
      const row = byId.get(id);
      return row && toField(row);
    },
    create: write(
      (
        kind: FieldedKind,
        label: string,
        type: CustomFieldType,
        choices: readonly string[],
        now: string,
      ): CustomField => {
        labelIsFree(kind, label);
        const { id } = insert.get({
          kind,
          label,
          type,
          choices: JSON.stringify(choices),
          position: nextPosition.get(kind)!,
          now,
        })!;
        return field(id);
      },
    ),
    /**
     * Relabels a field or sets its choices. A renamed choice (named in
     * `renames`, or the same word in other capitals) is renamed on every
     * record that has it, each in its history; a removed one must be unused.
     * Returns the renames done, for saved views to follow.
     */
    update: write(
      (
        id: number,
        changes: {
          label?: string | undefined;
          choices?: readonly string[] | undefined;
          renames?: readonly ChoiceRename[] | undefined;
        },
        now: string,
      ): { field: CustomField; renames: ChoiceRename[] } | undefined => {
        const row = byId.get(id);
        if (!row) return undefined;
        const current = toField(row);
        const label = changes.label ?? current.label;
        labelIsFree(current.kind, label, id);
        let choices = current.choices;
        let renames: ChoiceRename[] = [];
        if (changes.choices) {
          if (current.type !== 'choice') throw invalid('choices', 'Only a choice field has choices.');
          if (changes.choices.length === 0) throw invalid('choices', 'A choice field needs at least one choice.');
          const usedOn = (choice: string) => choiceInUse[current.kind].get(id, choice) ?? 0;
          renames = plannedRenames(current, changes.choices, changes.renames ?? [], usedOn);
          const kept = new Set(
            [...changes.choices, ...renames.map((rename) => rename.from)].map((choice) => choice.toLowerCase()),
          );
          for (const removed of current.choices.filter((choice) => !kept.has(choice.toLowerCase()))) {
            const used = usedOn(removed);
            if (used > 0)
              throw invalid(
                'choices',
                `“${removed}” is still chosen on ${used.toLocaleString('en')} ${used === 1 ? 'record' : 'records'}; change ${used === 1 ? 'it' : 'them'} first.`,
              );
          }
          choices = [...changes.choices];
        } else if (changes.renames && changes.renames.length > 0) {
          throw invalid('renames', 'Send the new list of choices with the renames.');
        }
        change.run({ id, label, choices: JSON.stringify(choices) });
        for (const rename of renames) renameOnRecords(current, rename, now);
        return { field: field(id), renames };
      },
    ),
    reorder: write((kind: FieldedKind, ids: readonly number[]): CustomField[] => {
      const current = ofKind.all(kind).map((row) => row.id);
      if (current.length !== ids.length || !current.every((id) => ids.includes(id))) {
        throw invalid(
          'ids',
          'List every field of this kind exactly once (fields may have been added or deleted meanwhile).',
        );
      }
      ids.forEach((id, position) => move.run(position, id));
      return ofKind.all(kind).map(toField);
    }),
    /** Its values go with it (cascade); saved views that filter by it keep the condition and say it is gone. */
    delete: write((id: number, now: string): CustomField | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      remove.run(id);
      deleted.remember({ kind: 'customField', id }, row.label, now);
      return toField(row);
    }),
    field,
    /** How many records have a value in the field, those in the trash included: what deleting it takes away. */
    valuesHeld: (definition: CustomField): number => valueCount[definition.kind].get(definition.id)!,
    /** A record's values by field number (as text keys, the way JSON carries them). */
    valuesOf(record: FieldedRef): Record<string, StoredValue> {
      return Object.fromEntries(valuesOf[record.kind].all(record.id).map((row) => [String(row.field_id), row.value]));
    },
    /** Checks every value, then stores them; null or '' clears. History notes each change (not on create). */
    set(
      record: FieldedRef,
      input: Readonly<Record<string, StoredValue | null>>,
      now: string,
      withHistory = true,
    ): number {
      const planned: Array<{ definition: CustomField; value: StoredValue | null }> = [];
      for (const [key, value] of Object.entries(input)) {
        const definition = ownField(record.kind, Number(key), `custom.${key}`);
        planned.push({ definition, value: value === null ? null : checked(definition, value, `custom.${key}`) });
      }
      let changed = 0;
      for (const { definition, value } of planned) {
        const before = valueOf[record.kind].get(record.id, definition.id) ?? null;
        if (before === value) continue;
        if (value === null) clear[record.kind].run(record.id, definition.id);
        else upsert[record.kind].run(record.id, definition.id, value);
        if (withHistory)
          history.add(
            record,
            [{ action: 'changed', field: `custom.${definition.id}`, oldValue: before, newValue: value }],
            now,
          );
        changed++;
      }
      return changed;
    },
    /** One value, for bulk edits and their undo. */
    valueOf: (record: FieldedRef, fieldId: number): StoredValue | null =>
      valueOf[record.kind].get(record.id, fieldId) ?? null,
    checkValue(kind: FieldedKind, fieldId: number, value: StoredValue | null, key: string): StoredValue | null {
      const definition = ownField(kind, fieldId, key);
      return value === null ? null : checked(definition, value, key);
    },
    /** List conditions for custom field filters, each value checked against its field's type. */
    conditions(kind: FieldedKind, alias: string, filters: readonly CustomFilter[], into: Conditions): void {
      const table = customTableOf[kind];
      const owner = ownerColumn[kind];
      filters.forEach((filter, index) => {
        const key = `custom.${index}`;
        if (!byId.get(filter.fieldId)) {
          // A condition on a deleted field no longer means what it said: it matches nothing (its saved view says why).
          into.where.push('0');
          return;
        }
        const definition = ownField(kind, filter.fieldId, `${key}.fieldId`);
        const fieldParam = `customField${index}`;
        const valueParam = `customValue${index}`;
        into.params[fieldParam] = definition.id;
        if (filter.op === 'empty' || filter.op === 'notEmpty') {
          into.where.push(
            `${alias}.id ${filter.op === 'empty' ? 'NOT IN' : 'IN'} (SELECT ${owner} FROM ${table} WHERE field_id = @${fieldParam})`,
          );
          return;
        }
        if (filter.value === undefined) throw invalid(`${key}.value`, 'This condition needs a value.');
        const ordered = filter.op === 'lt' || filter.op === 'lte' || filter.op === 'gt' || filter.op === 'gte';
        if (ordered && definition.type !== 'number' && definition.type !== 'date')
          throw invalid(`${key}.op`, `${definition.label} can only be compared for equality.`);
        if (filter.op === 'contains') {
          if (definition.type !== 'text' && definition.type !== 'choice')
            throw invalid(`${key}.op`, `“contains” works on text fields.`);
          if (typeof filter.value !== 'string') throw invalid(`${key}.value`, 'Must be text.');
          into.params[valueParam] = `%${filter.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          into.where.push(
            `${alias}.id IN (SELECT ${owner} FROM ${table} WHERE field_id = @${fieldParam} AND value LIKE @${valueParam} ESCAPE '\\')`,
          );
          return;
        }
        const value =
          definition.type === 'choice' && typeof filter.value === 'string'
            ? filter.value.trim()
            : checked(definition, filter.value, `${key}.value`);
        into.params[valueParam] = value;
        const operator = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' }[filter.op];
        const collate = definition.type === 'text' || definition.type === 'choice' ? ' COLLATE NOCASE' : '';
        into.where.push(
          `${alias}.id IN (SELECT ${owner} FROM ${table} WHERE field_id = @${fieldParam} AND value ${operator} @${valueParam}${collate})`,
        );
      });
    },
  };
}

export type CustomFieldsRepo = ReturnType<typeof customFieldsRepo>;

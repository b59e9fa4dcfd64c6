import type { Db } from '../../electron/core/db/open';
import { oneLine, sqlLiteral } from './sql-literal';

/** Writes bound parameters (@name or ?) into the statement text, so the shell can run it. */
export function inlineParameters(source: string, args: unknown[]): string {
  const sql = oneLine(source);
  const [first] = args;
  if (args.length === 1 && first !== null && typeof first === 'object' && !Array.isArray(first)) {
    const named = first as Record<string, unknown>;
    return sql.replace(/@(\w+)/g, (_, name: string) => {
      if (!Object.hasOwn(named, name)) throw new Error(`no value for @${name} in: ${sql}`);
      return sqlLiteral(named[name]);
    });
  }
  const positional = args.flat();
  let next = 0;
  const inlined = sql.replace(/\?/g, () => sqlLiteral(positional[next++]));
  if (next !== positional.length) throw new Error(`expected ${next} parameters, got ${positional.length}: ${sql}`);
  return inlined;
}

/**
 * Runs `action` against a recording view of the database and returns every
 * statement it executed, parameters inlined, in order. The shell rows then run
 * exactly the SQL the repository runs, even after the repository changes.
 */
export function captureSql(db: Db, action: (recording: Db) => void): string[] {
  const executed: string[] = [];
  const bindTo = (target: object, value: unknown): unknown =>
    typeof value === 'function' ? (value.bind(target) as unknown) : value;
  const recordStatement = (source: string, statement: object): object =>
    new Proxy(statement, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        // pluck(), raw(), expand() return the statement itself: keep recording through them.
        if (key === 'pluck' || key === 'raw' || key === 'expand') {
          return (...args: unknown[]) =>
            recordStatement(source, (value as (...params: unknown[]) => object).apply(target, args));
        }
        if (key !== 'run' && key !== 'get' && key !== 'all' && key !== 'iterate') return bindTo(target, value);
        return (...args: unknown[]) => {
          executed.push(`${inlineParameters(source, args)};`);
          return (value as (...params: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const recording = new Proxy(db, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key !== 'prepare') return bindTo(target, value);
      return (source: string) => recordStatement(source, target.prepare(source));
    },
  });
  action(recording);
  return executed;
}

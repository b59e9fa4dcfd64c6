/** The built-in prototypes a polluting input would reach through __proto__ or constructor.prototype. */
const watched: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

/** Remembers the prototypes' own keys now; later says which keys were added, and takes them away again. */
export function prototypeWatch() {
  const before = new Map(watched.map(([name, prototype]) => [name, new Set(Reflect.ownKeys(prototype))]));
  const added = () =>
    watched.flatMap(([name, prototype]) =>
      Reflect.ownKeys(prototype)
        .filter((key) => !before.get(name)!.has(key))
        .map((key) => ({ name, prototype, key })),
    );
  return {
    newKeys: () => added().map(({ name, key }) => `${name}.${String(key)}`),
    clean: () => {
      for (const { prototype, key } of added()) delete (prototype as Record<PropertyKey, unknown>)[key];
    },
  };
}

// Vitest types its asymmetric matchers as `any`, which turns off type checking wherever one is placed.
// These wrappers return `unknown` instead: toEqual and toMatchObject still accept them, and no `any` leaks.
import { expect } from 'vitest';

export const stringMatching = (pattern: string | RegExp): unknown => expect.stringMatching(pattern);

export const stringContaining = (text: string): unknown => expect.stringContaining(text);

export const objectContaining = (fields: Record<string, unknown>): unknown => expect.objectContaining(fields);

export const arrayContaining = (items: readonly unknown[]): unknown => expect.arrayContaining([...items]);

export const anyNumber = (): unknown => expect.any(Number);

export const anyString = (): unknown => expect.any(String);

export const anything = (): unknown => expect.anything();

import type { Page } from '@playwright/test';

/**
 * Waits on what happened in the page instead of sleeping. A test that must show something did NOT happen
 * (a stale reply ignored, no toast after a cancelled dialog) holds or watches the call in question, waits until
 * the page has been handed its reply, then waits for a later visible change: by then React has rendered whatever
 * that reply caused, and the record of what was shown tells whether it was wrong.
 * Everything lives in the page, so a reload forgets it: start watching after the last reload.
 */

type Invoke = (channel: string, input: unknown) => Promise<unknown>;

interface Watch {
  answered: string[];
  held: Record<string, { asked: boolean; answered: boolean; release: () => void }>;
  shown: Record<string, string[]>;
}

/** The page's calls to `channel` whose input has `field` equal to `value` wait for release() before they reach the core. */
export interface HeldReply {
  /** True once the page has sent such a call (it now waits, in flight). */
  asked: () => Promise<boolean>;
  /** Lets the held calls go on to the core. */
  release: () => Promise<void>;
  /** True once the page has been handed the reply to a held call. */
  answered: () => Promise<boolean>;
}

let nextKey = 1;

export async function holdReply(page: Page, channel: string, field: string, value: unknown): Promise<HeldReply> {
  const key = `hold-${nextKey++}`;
  await page.evaluate(
    ([key, channel, field, value]) => {
      const host = window as unknown as { __crmInvoke: Invoke; __watch?: Watch };
      const watch = (host.__watch ??= { answered: [], held: {}, shown: {} });
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const held = { asked: false, answered: false, release };
      watch.held[key] = held;
      const original = host.__crmInvoke.bind(host);
      host.__crmInvoke = async (name, input) => {
        if (name !== channel || (input as Record<string, unknown>)[field] !== value) return original(name, input);
        held.asked = true;
        await released;
        const reply = await original(name, input);
        held.answered = true;
        return reply;
      };
    },
    [key, channel, field, value] as const,
  );
  const read = (what: 'asked' | 'answered') =>
    page.evaluate(([key, what]) => (window as unknown as { __watch: Watch }).__watch.held[key]![what], [
      key,
      what,
    ] as const);
  return {
    asked: () => read('asked'),
    answered: () => read('answered'),
    release: () => page.evaluate((key) => (window as unknown as { __watch: Watch }).__watch.held[key]!.release(), key),
  };
}

/** From now on, records the channel of every reply the page is handed; returns a reader of that list. */
export async function recordAnswers(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const host = window as unknown as { __crmInvoke: Invoke; __watch?: Watch };
    const watch = (host.__watch ??= { answered: [], held: {}, shown: {} });
    const original = host.__crmInvoke.bind(host);
    host.__crmInvoke = async (channel, input) => {
      const reply = await original(channel, input);
      watch.answered.push(channel);
      return reply;
    };
  });
  return () => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch.answered);
}

/**
 * From now on, records the text of every element matching `selector` each time one appears or its text changes
 * (a MutationObserver sees every DOM change React commits, however briefly it lasts); returns a reader.
 * What is on screen already is not recorded, only what comes after.
 */
export async function recordShown(page: Page, selector: string): Promise<() => Promise<string[]>> {
  const key = `shown-${nextKey++}`;
  await page.evaluate(
    ([key, selector]) => {
      const host = window as unknown as { __watch?: Watch };
      const watch = (host.__watch ??= { answered: [], held: {}, shown: {} });
      const shown: string[] = (watch.shown[key] = []);
      const lastText = new WeakMap<Element, string>();
      const look = (record: boolean) => {
        for (const element of document.querySelectorAll(selector)) {
          const text = element.textContent ?? '';
          if (lastText.get(element) === text) continue;
          lastText.set(element, text);
          if (record) shown.push(text);
        }
      };
      look(false);
      new MutationObserver(() => look(true)).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    [key, selector] as const,
  );
  return () => page.evaluate((key) => (window as unknown as { __watch: Watch }).__watch.shown[key]!, key);
}

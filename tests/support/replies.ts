/** What core.dispatch answers: data, or an error with its code and sentence. */
export type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** The data of a dispatch that must succeed; a refusal fails the test with its code and words (and keeps the code). */
export async function ok<T = unknown>(reply: Promise<Reply>): Promise<T> {
  const result = await reply;
  if (!result.ok)
    throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { code: result.error.code });
  return result.data as T;
}

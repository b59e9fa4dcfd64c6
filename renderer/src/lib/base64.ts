// Three bytes make four characters, so slices whose length is a multiple of 3
// encode without padding and their base64 strings can simply be joined.
// About 32 KB per slice keeps String.fromCharCode under the engine's argument limit.
const sliceBytes = 3 * 10_923;

/** Bytes as standard base64 (with padding), the form upload chunks travel in. */
export function base64Of(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += sliceBytes) {
    const slice = bytes.subarray(start, start + sliceBytes);
    parts.push(btoa(String.fromCharCode.apply(null, slice as unknown as number[])));
  }
  return parts.join('');
}

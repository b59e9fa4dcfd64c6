/** Macs use ⌘ where the others use Ctrl: labels follow the platform, the keys work with either. */
export const onMac = /Mac/.test(navigator.userAgent);

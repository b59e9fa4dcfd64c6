// Types for make-icons.mjs, for the test that re-renders the icons.
export declare const sourceSvg: string;
export declare const linuxSizes: readonly number[];
export declare const appIconSize: number;
export declare function renderPng(svg: Buffer | string, size: number): Buffer;
export declare function packIcons(appIconPng: Buffer): { ico: Buffer; icns: Buffer };
export declare function makeIcons(outDir: string, svg?: Buffer | string): string[];

// Types for after-pack.cjs, for its test.
export interface PackedApp {
  appOutDir: string;
  platform: string;
  arch: string;
  electronVersion: string;
  expectedAbi?: number;
}
export declare function checkPackedApp(app: PackedApp): { nativeModule: string; abi: number; arch: string | undefined };
export declare function moduleAbi(binary: Buffer): number | undefined;
export declare function binaryArch(binary: Buffer): string | undefined;
export declare function electronAbi(electronVersion: string): number;
export declare function afterPack(context: unknown): Promise<void>;

import type { CrmBridge } from '../../shared/crm-api';

declare global {
  interface Window {
    /** Set by the preload (or the e2e harness); the renderer's only way out. */
    readonly crm: CrmBridge;
  }
}

export {};

// The core worker's entry, beside core-host.ts so both run from the same folder, as sources and as the build (out/main/core-worker.js).
import '../core/host/worker';

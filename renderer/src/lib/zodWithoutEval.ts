import { z } from 'zod';

// Zod compiles fast parsers with `new Function` when it can. Our CSP forbids eval
// (script-src 'self'), so the probe alone would log a CSP violation: parse without it.
z.config({ jitless: true });

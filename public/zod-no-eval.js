// Loaded by index.html before the app's modules. zod 4 compiles object parsers with `new Function` when eval is
// allowed and probes for it as soon as the first object schema is built; the dashboard's Content-Security-Policy
// has no 'unsafe-eval' (docs/decisions/0006), so the probe is refused and reported as a violation on every page.
// zod reads its configuration from this global when it loads: parsing then skips the compiled fast path (same results).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

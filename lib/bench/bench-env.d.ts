// Set by wxt.config.ts from LENS_BENCH_REPORT_URL at build time: '' in normal and release builds.
interface ImportMetaEnv {
  readonly LENS_BENCH_REPORT_URL: string;
}

// Whether the tests' hooks are on (handles on `window` the e2e tests and the benchmark read): dev
// builds, and built pages opened with `?testhooks`.
export const testHooks = (): boolean => import.meta.env.MODE !== 'production' || new URLSearchParams(location.search).has('testhooks');

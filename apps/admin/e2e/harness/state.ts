/// <reference types="node" />

/** What the global setup hands to the tests and the teardown (through the environment). */
export interface E2eState {
  baseURL: string;
  apiPid: number;
  workerPid: number;
  database: string;
  password: string;
  users: {
    platformAdmin: string;
    provinceAdmin: string;
    tenantAdmin: string;
    otherAdmin: string;
    officer: string;
  };
  /** The tenant admin's county and its schools, by name, as a person sees them. */
  tenantName: string;
  schoolNames: string[];
  otherTenantName: string;
  /** A webhook address the API accepts and every delivery to fails (connection refused). */
  deadWebhook: string;
}

const KEY = 'E2E_STATE';

export function saveState(state: E2eState): void {
  process.env[KEY] = JSON.stringify(state);
  process.env.E2E_BASE_URL = state.baseURL;
}

export function loadState(): E2eState {
  const raw = process.env[KEY];
  if (!raw)
    throw new Error(
      'E2E_STATE is not set: run through playwright.config.ts (its global setup starts the API)',
    );
  return JSON.parse(raw) as E2eState;
}

/** @triage/sdk: the API spec's version this client was generated from. */
export const API_VERSION = '0.1.0';

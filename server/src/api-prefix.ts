/** Where the REST API lives on a member server; a new major version of the API gets a new prefix. */
export const API_PREFIX = '/api/v1';

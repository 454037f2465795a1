// Thin client for the marsad HTTP API (docs/api.md). Errors become
// ApiError with the server's stable code.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const url = '/api/' + path + (qs.toString() ? '?' + qs.toString() : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(res.status, err.code || 'http_error', err.message || res.statusText);
  }
  return body;
}

export function exportUrl(name, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  return '/api/export/' + name + (qs.toString() ? '?' + qs : '');
}

/** A small cookie-keeping HTTP client for the admin page, as a browser without JavaScript would use it. */

export interface AdminResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Raw `Set-Cookie` lines of this response. */
  setCookies: string[];
}

/** The hidden CSRF field of the first form on a page. */
export function csrfOf(text: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(text);
  if (!match?.[1]) throw new Error(`no CSRF field on the page:\n${text.slice(0, 500)}`);
  return match[1];
}

export class AdminClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    /** Sent with every request (e.g. X-Forwarded-* from a pretend proxy). */
    readonly headers: Record<string, string> = {},
  ) {}

  private async send(path: string, init: RequestInit): Promise<AdminResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...this.headers, ...(cookie && { cookie }), ...(init.headers as Record<string, string>) },
    });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return { status: res.status, headers: res.headers, text: await res.text(), setCookies };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<AdminResponse> {
    return this.send(path, { headers });
  }

  post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<AdminResponse> {
    return this.send(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /** Opens the sign-in form and submits `token` with the form's own CSRF token. */
  async signIn(token: string): Promise<AdminResponse> {
    const form = await this.get('/admin');
    return this.post('/admin/sign-in', { csrf: csrfOf(form.text), token });
  }
}

/** The sign-in form: one password field for ADMIN_TOKEN, protected by its own CSRF cookie. */
import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';

export function signInPage(formToken: string, problem?: string): SafeHtml {
  const body = html`${problem && html`<p class="notice bad" role="alert" id="sign-in-problem">${problem}</p>`}
<p>Sign in with the admin token configured on this server (<code>ADMIN_TOKEN</code>).</p>
<form method="post" action="/admin/sign-in">
<input type="hidden" name="csrf" value="${formToken}">
<label for="token">Admin token</label>
<input type="password" id="token" name="token" autocomplete="current-password" required autofocus${problem ? html` aria-describedby="sign-in-problem"` : ''}>
<button type="submit">Sign in</button>
</form>`;
  return layout({ title: 'Sign in', body });
}

/** Any page for a problem that is not the admin's fault alone (store down, expired form). */
export function problemPage(title: string, message: string, csrf?: string): SafeHtml {
  return layout({ title, ...(csrf !== undefined && { csrf }), body: html`<p class="notice bad" role="alert">${message}</p><p><a href="/admin">Back to the admin page</a></p>` });
}

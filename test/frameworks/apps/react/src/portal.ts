// The portal's own sign-in and toasts, which the docs' snippets call (`auth.getToken()`, `toast(…)`).
// The token is the demo account of the reference server in dev mode; `?token=` plays another one
// (an expired token is one the server does not know: 401).
export const auth = {
  getToken: (): string => new URLSearchParams(location.search).get('token') ?? 'student-noor',
};

export function toast(message: string): void {
  const status = document.querySelector('#toast');
  if (status) status.textContent = message;
}

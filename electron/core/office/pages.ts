import type { TFunction } from 'i18next';

// The two pages the server draws itself, before anyone is signed in: the login, and the
// first-run form that creates the office's first admin. Plain HTML forms (no script), in the
// office's language, styled like the app.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f3f5f8; color: #1d2733; }
  main { width: min(26rem, 92vw); background: #fff; border: 1px solid #d6dde6; border-radius: 10px; padding: 2rem 2rem 1.5rem; box-shadow: 0 2px 12px rgb(0 0 0 / 6%); }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  .office { color: #52606d; margin: 0 0 1.5rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
  input { box-sizing: border-box; width: 100%; font: inherit; padding: .55rem .65rem; border: 1px solid #9aa5b1; border-radius: 6px; }
  input:focus { outline: 3px solid #8ab4f8; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 600; padding: .65rem; border: 0; border-radius: 6px; background: #1f5fa8; color: #fff; cursor: pointer; }
  .error { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd; border-radius: 6px; padding: .6rem .75rem; margin: 0 0 .5rem; }
  .note { background: #eef4fb; border: 1px solid #c9dcf2; border-radius: 6px; padding: .6rem .75rem; margin: 0 0 .5rem; }
  .hint { color: #52606d; font-size: .9rem; margin-top: .3rem; }
  footer { margin-top: 1.25rem; color: #52606d; font-size: .85rem; }
`;

function page(language: string, title: string, body: string) {
  return `<!doctype html>
<html lang="${escape(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

export type PageText = { t: TFunction; language: string; officeName: string };

export function loginPage(
  { t, language, officeName }: PageText,
  state: { error?: string | undefined; notice?: string | undefined; login?: string | undefined },
) {
  return page(
    language,
    `${t('session.login.title')} · Twinning Desk`,
    `<h1>${escape(t('session.login.title'))}</h1>
<p class="office">${escape(officeName || 'Twinning Desk')}</p>
${state.error ? `<p class="error" role="alert">${escape(state.error)}</p>` : ''}
${state.notice ? `<p class="note" role="status">${escape(state.notice)}</p>` : ''}
<form method="post" action="/login">
  <label for="login">${escape(t('session.login.login'))}</label>
  <input id="login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="40" value="${escape(state.login ?? '')}"${state.login ? '' : ' autofocus'}>
  <label for="password">${escape(t('session.login.password'))}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200"${state.login ? ' autofocus' : ''}>
  <button type="submit">${escape(t('session.login.submit'))}</button>
</form>
<footer>${escape(t('session.login.footer'))}</footer>`,
  );
}

export function firstRunPage(
  { t, language, officeName }: PageText,
  state: { error?: string | undefined; login?: string | undefined; name?: string | undefined; allowed: boolean },
) {
  if (!state.allowed) {
    return page(
      language,
      `${t('session.firstRun.title')} · Twinning Desk`,
      `<h1>${escape(t('session.firstRun.title'))}</h1><p class="note" role="status">${escape(t('session.firstRun.loopbackOnly'))}</p>`,
    );
  }
  return page(
    language,
    `${t('session.firstRun.title')} · Twinning Desk`,
    `<h1>${escape(t('session.firstRun.title'))}</h1>
<p class="office">${escape(officeName || 'Twinning Desk')}</p>
<p class="note">${escape(t('session.firstRun.intro'))}</p>
${state.error ? `<p class="error" role="alert">${escape(state.error)}</p>` : ''}
<form method="post" action="/first-run">
  <label for="name">${escape(t('session.firstRun.name'))}</label>
  <input id="name" name="name" autocomplete="name" required maxlength="100" value="${escape(state.name ?? '')}" autofocus>
  <label for="login">${escape(t('session.login.login'))}</label>
  <input id="login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="40" value="${escape(state.login ?? '')}">
  <p class="hint">${escape(t('users.errors.login'))}</p>
  <label for="password">${escape(t('session.login.password'))}</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200">
  <label for="repeat">${escape(t('session.firstRun.repeat'))}</label>
  <input id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength="10" maxlength="200">
  <button type="submit">${escape(t('session.firstRun.submit'))}</button>
</form>`,
  );
}

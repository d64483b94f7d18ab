package dev.agentbin.api.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password reset form: one small HTML page with its style and script inline (no external assets),
 * allowed by a per-response nonce. Labelled fields, errors announced (role=alert) and tied to the field
 * they concern, success announced (role=status), usable on a phone.
 */
final class ResetPage {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nonce;

    ResetPage() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.nonce = Base64.getEncoder().encodeToString(bytes);
    }

    /** The page may run only its own inline script and style, talk only to this origin, and not be framed. */
    String contentSecurityPolicy() {
        return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
                + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    /** @param token a well-formed token (64 hex characters: nothing to escape) */
    String form(String token) {
        return page("""
                <form id="reset" novalidate>
                  <input type="hidden" name="token" value="%s">
                  <label for="password">New password</label>
                  <input id="password" name="password" type="password" autocomplete="new-password" required
                         aria-describedby="password-hint">
                  <p id="password-hint" class="hint">8 to 72 characters.</p>
                  <label for="confirm">New password, again</label>
                  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
                  <button type="submit">Set the password</button>
                </form>
                <p id="error" class="error" role="alert"></p>
                <p id="done" class="done" role="status"></p>
                <script nonce="%s">%s</script>""".formatted(token, nonce, SCRIPT));
    }

    String invalidLink() {
        return page("""
                <p class="error" role="alert">This link is not valid. Ask for a new one where you log in.</p>""");
    }

    private String page(String content) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>Choose a new password</title>
                <style nonce="%s">%s</style>
                </head>
                <body>
                <main>
                <h1>Choose a new password</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(nonce, STYLE, content);
    }

    private static final String STYLE = """
            body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; padding: 1rem; color: #111; background: #fff; }
            main { max-width: 26rem; margin: 1rem auto; }
            h1 { font-size: 1.5rem; }
            label { display: block; font-weight: 600; margin-top: 1rem; }
            input { box-sizing: border-box; width: 100%; font: inherit; padding: .6rem; border: 1px solid #555; border-radius: 4px; }
            input[aria-invalid=true] { border: 2px solid #a51d2d; }
            input:focus, button:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }
            button { margin-top: 1.25rem; width: 100%; font: inherit; padding: .7rem; border: 0; border-radius: 4px; background: #1a5fb4; color: #fff; }
            button:disabled { background: #555; }
            .hint { font-size: .9rem; color: #444; margin: .25rem 0 0; }
            .error { color: #a51d2d; font-weight: 600; }
            .done { color: #26722d; font-weight: 600; }
            .error:empty, .done:empty { display: none; }
            """;

    private static final String SCRIPT = """
            const form = document.getElementById('reset');
            const error = document.getElementById('error');
            const done = document.getElementById('done');
            const button = form.querySelector('button');
            function fail(message, field) {
              error.textContent = message;
              for (const input of [form.password, form.confirm]) {
                input.removeAttribute('aria-invalid');
                input.removeAttribute('aria-errormessage');
              }
              if (field) {
                field.setAttribute('aria-invalid', 'true');
                field.setAttribute('aria-errormessage', 'error');
                field.focus();
              }
            }
            form.addEventListener('submit', async (event) => {
              event.preventDefault();
              fail('', null);
              if (form.password.value !== form.confirm.value) {
                fail('The two passwords differ.', form.confirm);
                return;
              }
              button.disabled = true;
              try {
                const response = await fetch('password-reset', {
                  method: 'POST',
                  headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({token: form.token.value, password: form.password.value})
                });
                if (response.ok) {
                  form.hidden = true;
                  done.textContent = 'Your password is set. Log in with it: every earlier session is signed out.';
                  return;
                }
                const body = await response.json().catch(() => null);
                const reason = body && body.error ? body.error.reason : '';
                if (reason === 'INVALID_RESET_TOKEN') {
                  fail('This link is invalid, used or expired. Ask for a new one where you log in.', null);
                } else if (response.status === 429) {
                  fail('Too many attempts. Wait a moment and try again.', null);
                } else {
                  fail(body && body.error ? body.error.message : 'The password could not be set. Try again.', form.password);
                }
              } catch (e) {
                fail('The service could not be reached. Try again.', null);
              } finally {
                button.disabled = false;
              }
            });
            """;
}

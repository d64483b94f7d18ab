package dev.agentbin.api.auth;

import jakarta.ws.rs.core.NewCookie;

/**
 * The {@code token} cookie: HttpOnly (no page script reads it), Secure, SameSite=Strict, for the whole
 * origin. Logging out sends the same cookie empty and already expired, which makes the browser drop it.
 */
final class TokenCookie {

    private TokenCookie() {}

    static NewCookie of(String token, long lifetimeSeconds) {
        return builder().value(token).maxAge((int) lifetimeSeconds).build();
    }

    static NewCookie expired() {
        return builder().value("").maxAge(0).build();
    }

    private static NewCookie.Builder builder() {
        return new NewCookie.Builder(CallerAuthenticator.TOKEN)
                .path("/")
                .secure(true)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}

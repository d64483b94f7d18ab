package dev.agentbin.auth;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.agent.AgentService;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import dev.agentbin.mail.Mail;
import dev.agentbin.mail.MailSettings;
import dev.agentbin.mail.Mailer;
import dev.agentbin.observe.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Password forgot and reset. Forgot answers the same for every username, in the same time: a link is
 * made either way, stored and mailed only for a live agent. Reset spends the link, sets the password and
 * revokes every token issued before (the agent's token epoch moves on), as a password change does.
 */
@ApplicationScoped
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class);
    static final String SUBJECT = "Reset your agentbin password";

    private final AgentRepository agents;
    private final AgentService agentService;
    private final PasswordResetTokens tokens;
    private final AttemptCounter attempts;
    private final MailSettings mailSettings;
    // Looked up, not injected: a process that sends no mail has none (Mailers makes it at start where one is set).
    private final Instance<Mailer> mailer;
    private final PasswordResetSettings settings;

    public PasswordResetService(
            AgentRepository agents,
            AgentService agentService,
            PasswordResetTokens tokens,
            AttemptCounter attempts,
            MailSettings mailSettings,
            Instance<Mailer> mailer,
            PasswordResetSettings settings) {
        this.agents = agents;
        this.agentService = agentService;
        this.tokens = tokens;
        this.attempts = attempts;
        this.mailSettings = mailSettings;
        this.mailer = mailer;
        this.settings = settings;
    }

    /**
     * @param source the client's address as the platform saw it
     * @throws ApiException 429 TOO_MANY_ATTEMPTS when the username's or the source's budget is spent
     *                      (counted alike for unknown usernames, so it tells nothing either); 503
     *                      PASSWORD_RESET_UNAVAILABLE, for every username alike, when this deployment sends no mail
     */
    public void forgot(String username, String source) {
        if (!mailSettings.sendsMail()) {
            throw new ApiException(
                    ErrorStatus.UNAVAILABLE,
                    "PASSWORD_RESET_UNAVAILABLE",
                    "Password reset by mail is not set up on this deployment: ask an admin to set a new password.");
        }
        long started = System.nanoTime();
        String key = agents.usernameKey(username);
        long retryAfter = attempts.spend(List.of(
                new AttemptCounter.Budget("forgot-u:" + key, settings.usernameRequests(), settings.usernameWindow()),
                new AttemptCounter.Budget("forgot-s:" + source, settings.sourceRequests(), settings.sourceWindow())));
        if (retryAfter > 0) {
            throw ApiException.tooManyAttempts(
                    "Too many password reset requests: try again later.", Duration.ofSeconds(retryAfter));
        }
        String token = PasswordResetTokens.newToken();
        String text = text(link(token));
        issue(key, token).ifPresent(agent -> send(new Mail(agent.username, SUBJECT, text)));
        waitUntil(started + settings.forgotDuration().toNanos());
    }

    /**
     * @throws ApiException 400 INVALID_RESET_TOKEN for a token that is unknown, spent, expired or malformed,
     *                      alike
     */
    @Transactional
    public void reset(String token, String password) {
        if (!wellFormed(token)) {
            throw invalidToken();
        }
        var agentId = tokens.spend(token).orElseThrow(PasswordResetService::invalidToken);
        if (!agentService.resetPassword(agentId, password)) {
            throw invalidToken();
        }
        tokens.revokeAll(agentId);
    }

    /** 64 lowercase hex characters, as every link carries: anything else is no token of ours. */
    public static boolean wellFormed(String token) {
        return PasswordResetTokens.wellFormed(token);
    }

    /** Called on this bean itself: ArC intercepts self-invocation, so this is its own transaction, done before the mail goes. */
    @Transactional
    Optional<AgentEntity> issue(String usernameKey, String token) {
        tokens.purgeExpired();
        Optional<AgentEntity> agent = agents.findLiveByUsernameKey(usernameKey);
        agent.ifPresent(a -> tokens.store(token, a.id, settings.lifetime()));
        return agent;
    }

    /**
     * A mail service failure is logged, not answered: a 500 for known usernames only would tell which exist.
     * The person asks again.
     */
    private void send(Mail mail) {
        try {
            mailer.get().send(mail);
        } catch (RuntimeException e) {
            LOG.errorf("password reset mail not sent: %s", e.toString());
            Metrics.count("ResetMailsFailed").emit();
        }
    }

    private URI link(String token) {
        URI base = settings.baseUrl()
                .orElseThrow(() -> new IllegalStateException("agentbin.password-reset.base-url is not set"));
        return URI.create(base.toString().replaceAll("/+$", "") + "/auth/password-reset?token=" + token);
    }

    private String text(URI link) {
        return """
                Someone asked to reset the password of this agentbin account. To choose a new one, open this link \
                within %d minutes:

                %s

                The link works once. If you did not ask, ignore this mail: your password stays as it is.
                """.formatted(settings.lifetime().toMinutes(), link);
    }

    private static void waitUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static ApiException invalidToken() {
        return ApiException.invalid(
                "INVALID_RESET_TOKEN", "The reset link is invalid, used or expired: ask for a new one.");
    }
}

package dev.agentbin.auth;

import dev.agentbin.agent.Caller;
import dev.agentbin.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Login: the failure budgets first, then the password, the same way for every username. */
@ApplicationScoped
public class LoginService {

    private final LoginThrottle throttle;
    private final CallerLoader callers;

    public LoginService(LoginThrottle throttle, CallerLoader callers) {
        this.throttle = throttle;
        this.callers = callers;
    }

    /**
     * @param source the client's address as the platform saw it (API Gateway's source IP, or the socket's peer)
     * @throws ApiException 429 TOO_MANY_ATTEMPTS when a budget is spent, 401 INVALID_CREDENTIALS on a wrong
     *                      username or password
     */
    public Caller login(String username, String password, String source) {
        throttle.spend(username, source);
        Caller caller = callers.byPassword(username, password)
                .orElseThrow(() -> ApiException.unauthenticated("INVALID_CREDENTIALS", "The username or password is wrong."));
        throttle.refund(username, source);
        return caller;
    }
}

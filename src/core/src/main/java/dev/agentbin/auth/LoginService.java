package dev.agentbin.auth;

import dev.agentbin.access.Caller;
import dev.agentbin.agent.AgentRepository;
import dev.agentbin.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Login: the failure budgets first, then the password, the same way for every username. */
@ApplicationScoped
public class LoginService {

    private final LoginThrottle throttle;
    private final CallerLoader callers;
    private final AgentRepository agents;

    public LoginService(LoginThrottle throttle, CallerLoader callers, AgentRepository agents) {
        this.throttle = throttle;
        this.callers = callers;
        this.agents = agents;
    }

    /**
     * @param source the client's address as the platform saw it (API Gateway's source IP, or the socket's peer)
     * @throws ApiException 429 TOO_MANY_ATTEMPTS when a budget is spent, 401 INVALID_CREDENTIALS on a wrong
     *                      username or password
     */
    public Caller login(String username, String password, String source) {
        String key = agents.usernameKey(username);
        throttle.spend(key, source);
        Caller caller = callers.byPassword(key, password)
                .orElseThrow(() ->
                        ApiException.unauthenticated("INVALID_CREDENTIALS", "The username or password is wrong."));
        throttle.refund(key, source);
        return caller;
    }
}

package dev.agentbin.api.auth;

import dev.agentbin.access.Caller;
import dev.agentbin.observe.LogContext;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this request, set by {@link CallerAuthenticator} before any resource runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on this route");
        }
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
        LogContext.customer(caller.customerId());
    }
}

package dev.agentbin.api.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The id an error envelope carries, so a client's report can be matched to the function's log line. */
@RequestScoped
public class RequestId {

    private final String value = UUID.randomUUID().toString();

    public String value() {
        return value;
    }
}

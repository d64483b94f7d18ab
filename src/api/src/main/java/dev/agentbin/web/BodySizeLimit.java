package dev.agentbin.web;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over 64 KiB with 413 before anything parses them. API Gateway hands the function the
 * whole body with its length, so the declared length is the real one.
 */
public class BodySizeLimit {

    static final int MAX_BYTES = 64 * 1024;
    static final String MESSAGE = "The request body is larger than 64 KiB.";

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            throw new ApiException(ErrorStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", MESSAGE);
        }
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

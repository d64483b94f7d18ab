package dev.agentbin.api.web;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over 64 KiB with 413, whatever their framing: a declared Content-Length over the limit
 * is refused before anything is read, and every body read by a route is counted as it is read, so a
 * chunked body (no length given) stops at the limit too.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    static final int MAX_BYTES = 64 * 1024;
    static final String MESSAGE = "The request body is larger than 64 KiB.";

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            throw tooLarge();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream()));
        return context.proceed();
    }

    static ApiException tooLarge() {
        return new ApiException(ErrorStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", MESSAGE);
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Thrown while reading: an IOException, so JSON parsing passes it on instead of calling it bad JSON. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(MESSAGE);
        }
    }

    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }
}

package dev.agentbin.telephony.twilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * application/x-www-form-urlencoded in both directions. Twilio's webhooks arrive in this encoding (the web
 * layer may get the raw, possibly base64-decoded, body from API Gateway) and its REST API takes it.
 * Names may repeat (StatusCallbackEvent), so the model is name to list of values, in arrival order.
 */
public final class TwilioForm {

    private TwilioForm() {}

    /**
     * Decodes a form body. Values are kept exactly as sent (no trimming): the signature covers them
     * byte for byte.
     */
    public static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The first value of every name: the shape status callbacks need (their names do not repeat). */
    public static Map<String, String> firstValues(Map<String, ? extends List<String>> params) {
        Map<String, String> first = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return first;
    }

    /** Encodes name/value pairs in order; a name with several values is written once per value. */
    static String encode(Map<String, ? extends Collection<String>> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((name, values) -> {
            for (String value : values) {
                if (body.length() > 0) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed form encoding: " + e.getMessage(), e);
        }
    }
}

package dev.agentbin.accesskey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * An access key as the API shows it: the reference's fields (id, customer_id, name, detail, token,
 * token_prefix, tm_expire, tm_create, tm_update, tm_delete) plus the key's permission. Every field is
 * always sent, null when unset, except {@code token}: the secret is in the answer that made the key and
 * never again.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccessKey(
        UUID id,
        UUID customerId,
        String name,
        String detail,
        long permission,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token,
        String tokenPrefix,
        Instant tmExpire,
        Instant tmCreate,
        Instant tmUpdate,
        Instant tmDelete) {

    static AccessKey of(AccessKeyEntity key, String newSecret) {
        return new AccessKey(
                key.id,
                key.customerId,
                key.name,
                key.detail,
                key.permission,
                newSecret,
                key.tokenPrefix,
                key.tmExpire,
                key.tmCreate,
                key.tmUpdate,
                key.tmDelete);
    }
}

package dev.agentbin.accesskey;

import static dev.agentbin.common.Text.orEmpty;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.Caller;
import dev.agentbin.access.Permission;
import dev.agentbin.agent.AgentListQuery;
import dev.agentbin.agent.PageCursor;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.DbTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A customer's access keys: made, listed, renamed and deleted by its admins ({@link AccessPolicy}). Keys
 * belong to the customer, not to the agent who made one: they outlive their maker and any admin may
 * delete them. A deleted key is refused from the next request on (nothing caches a key).
 */
@ApplicationScoped
public class AccessKeyService {

    private final AccessKeyRepository keys;
    private final AccessPolicy policy;
    private final Clock clock;

    public AccessKeyService(AccessKeyRepository keys, AccessPolicy policy, Clock clock) {
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
    }

    /** Query parameters: page_size and page_token, as for agents. */
    public AccessKeyPage list(Caller caller, Map<String, List<String>> query) {
        policy.checkManagesAccessKeys(caller);
        int pageSize = AgentListQuery.parsePageSize(AgentListQuery.first(query, "page_size"));
        PageCursor after = AgentListQuery.parsePageToken(AgentListQuery.first(query, "page_token"));
        List<AccessKeyEntity> page = keys.page(caller.customerId(), pageSize, after);
        List<AccessKey> result =
                page.stream().map(key -> AccessKey.of(key, null)).toList();
        return new AccessKeyPage(result, PageCursor.nextToken(page, key -> key.tmCreate, key -> key.id));
    }

    /** A new key of the caller's customer; its secret is in this answer and never again. */
    @Transactional
    public AccessKey create(Caller caller, CreateAccessKeyRequest request) {
        policy.checkManagesAccessKeys(caller);
        long permission = request.permission() == null ? Permission.CUSTOMER_ADMIN : request.permission();
        policy.checkGrant(caller, permission);
        String secret = AccessKeySecrets.newSecret();
        Instant now = DbTime.now(clock);
        AccessKeyEntity key = new AccessKeyEntity();
        key.id = UUID.randomUUID();
        key.customerId = caller.customerId();
        key.name = orEmpty(request.name());
        key.detail = orEmpty(request.detail());
        key.permission = permission;
        key.tokenHash = AccessKeySecrets.hash(secret);
        key.tokenPrefix = AccessKeySecrets.prefix(secret);
        key.createdBy = caller.actorId();
        key.tmExpire = now.plusSeconds(request.expire());
        key.tmCreate = now;
        keys.persist(key);
        return AccessKey.of(key, secret);
    }

    public AccessKey get(Caller caller, UUID id) {
        AccessKeyEntity key = keys.findLive(id).orElseThrow(notFound(id));
        policy.checkManagesAccessKey(caller, key.customerId, notFound(id));
        return AccessKey.of(key, null);
    }

    @Transactional
    public AccessKey update(Caller caller, UUID id, UpdateAccessKeyRequest request) {
        AccessKeyEntity key = lockForWrite(caller, id);
        key.name = orEmpty(request.name());
        key.detail = orEmpty(request.detail());
        key.tmUpdate = DbTime.now(clock);
        return AccessKey.of(key, null);
    }

    /** Soft delete: the key is refused from now on; deleting it again is 404. */
    @Transactional
    public AccessKey delete(Caller caller, UUID id) {
        AccessKeyEntity key = lockForWrite(caller, id);
        Instant now = DbTime.now(clock);
        key.tmDelete = now;
        key.tmUpdate = now;
        return AccessKey.of(key, null);
    }

    private AccessKeyEntity lockForWrite(Caller caller, UUID id) {
        AccessKeyEntity key = keys.lockLive(id).orElseThrow(notFound(id));
        policy.checkManagesAccessKey(caller, key.customerId, notFound(id));
        return key;
    }

    private static Supplier<ApiException> notFound(UUID id) {
        return () -> ApiException.notFound("ACCESSKEY_NOT_FOUND", "The access key " + id + " does not exist.");
    }
}

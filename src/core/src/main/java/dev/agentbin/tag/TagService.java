package dev.agentbin.tag;

import static dev.agentbin.common.Text.orEmpty;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.Caller;
import dev.agentbin.agent.AgentListQuery;
import dev.agentbin.agent.PageCursor;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.DbTime;
import dev.agentbin.common.UniqueViolation;
import dev.agentbin.event.EventOutbox;
import dev.agentbin.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A customer's tags (VoIPBIN's Tag API): its admins and managers write them, everyone of the customer reads
 * them ({@link AccessPolicy}). Names are unique per customer, ignoring case. A delete is soft, as in the
 * reference: the tag keeps its row (GET shows it with tm_delete), leaves the list, frees its name, and
 * agents carrying its id keep it. Every write records its tag_* event in its own transaction.
 */
@ApplicationScoped
public class TagService {

    static final String NAME_CONSTRAINT = "tag_tags_customer_name_key";

    private final TagRepository tags;
    private final AccessPolicy policy;
    private final EventOutbox events;
    private final Clock clock;

    public TagService(TagRepository tags, AccessPolicy policy, EventOutbox events, Clock clock) {
        this.tags = tags;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** Query parameters: page_size and page_token, as for agents. */
    public TagPage list(Caller caller, Map<String, List<String>> query) {
        policy.checkReadsShared(caller);
        int pageSize = AgentListQuery.parsePageSize(AgentListQuery.first(query, "page_size"));
        PageCursor after = AgentListQuery.parsePageToken(AgentListQuery.first(query, "page_token"));
        List<TagEntity> page = tags.page(caller.customerId(), pageSize, after);
        List<Tag> result = page.stream().map(Tag::of).toList();
        return new TagPage(result, PageCursor.nextToken(page, tag -> tag.tmCreate, tag -> tag.id));
    }

    @Transactional
    public Tag create(Caller caller, TagRequest request) {
        policy.checkManages(caller, caller.customerId());
        TagEntity tag = new TagEntity();
        tag.id = UUID.randomUUID();
        tag.customerId = caller.customerId();
        tag.name = request.name();
        tag.detail = orEmpty(request.detail());
        tag.tmCreate = DbTime.now(clock);
        tags.persist(tag);
        flushOrConflict(tag.name);
        return recorded(EventType.TAG_CREATED, tag);
    }

    /** A deleted tag is still shown, with its tm_delete, as in the reference (agents may still carry its id). */
    public Tag get(Caller caller, UUID id) {
        TagEntity tag = tags.findByIdOptional(id).orElseThrow(notFound(id));
        policy.checkReadsSharedOf(caller, tag.customerId, notFound(id));
        return Tag.of(tag);
    }

    @Transactional
    public Tag update(Caller caller, UUID id, TagRequest request) {
        TagEntity tag = lockForWrite(caller, id);
        tag.name = request.name();
        tag.detail = orEmpty(request.detail());
        tag.tmUpdate = DbTime.now(clock);
        flushOrConflict(tag.name);
        return recorded(EventType.TAG_UPDATED, tag);
    }

    /** Soft delete; deleting it again is 404. Agents' tag_ids are left as they are (docs/api.md, "Tags"). */
    @Transactional
    public Tag delete(Caller caller, UUID id) {
        TagEntity tag = lockForWrite(caller, id);
        Instant now = DbTime.now(clock);
        tag.tmDelete = now;
        tag.tmUpdate = now;
        return recorded(EventType.TAG_DELETED, tag);
    }

    /** The event's data is the tag as this write answers it. */
    private Tag recorded(EventType type, TagEntity tag) {
        return events.record(type, tag.customerId, tag.id, Tag.of(tag));
    }

    private TagEntity lockForWrite(Caller caller, UUID id) {
        TagEntity tag = tags.lockLive(id).orElseThrow(notFound(id));
        policy.checkManagesResourceOf(caller, tag.customerId, notFound(id));
        return tag;
    }

    /** The unique index decides, so two concurrent writers of one name cannot both win. */
    private void flushOrConflict(String name) {
        try {
            tags.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.constraintName(e)
                    .filter(NAME_CONSTRAINT::equals)
                    .isPresent()) {
                throw ApiException.alreadyExists(
                        "TAG_ALREADY_EXISTS",
                        "The customer already has a tag named '" + name + "' (names are compared ignoring case).");
            }
            throw e;
        }
    }

    private static Supplier<ApiException> notFound(UUID id) {
        return () -> ApiException.notFound("TAG_NOT_FOUND", "The tag " + id + " does not exist.");
    }
}

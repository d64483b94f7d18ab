package dev.agentbin.tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A tag as the API shows it: the reference's fields, every one always sent (null when unset). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Tag(
        UUID id, UUID customerId, String name, String detail, Instant tmCreate, Instant tmUpdate, Instant tmDelete) {

    static Tag of(TagEntity tag) {
        return new Tag(tag.id, tag.customerId, tag.name, tag.detail, tag.tmCreate, tag.tmUpdate, tag.tmDelete);
    }
}

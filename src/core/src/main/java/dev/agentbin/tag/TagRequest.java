package dev.agentbin.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * POST /v1.0/tags and PUT /v1.0/tags/{id}: the reference's {name, detail}. A PUT overwrites both, as the
 * reference does (an omitted detail becomes empty); a name is required, since a tag is known by it.
 */
public record TagRequest(
        @NotBlank(message = "name is required (a tag is picked by its name)")
        @Size(max = 255, message = "name is at most 255 characters")
        String name,

        @Size(max = 4096, message = "detail is at most 4096 characters")
        String detail) {}

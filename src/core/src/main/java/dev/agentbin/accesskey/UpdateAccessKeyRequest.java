package dev.agentbin.accesskey;

import jakarta.validation.constraints.Size;

/** PUT /v1.0/accesskeys/{id}: name and detail, a full overwrite as in the reference (omitted ones become empty). */
public record UpdateAccessKeyRequest(
        @Size(max = 255, message = "name is at most 255 characters")
        String name,

        @Size(max = 4096, message = "detail is at most 4096 characters")
        String detail) {}

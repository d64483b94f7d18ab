package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.agentbin.access.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /v1.0/agents. {@code customer_id} is honoured for a superadmin only; everyone else creates in
 * their own customer. There is no id, status or timestamp to mass-assign.
 */
public record CreateAgentRequest(
        UUID customerId,

        @NotBlank(message = "username is required")
        @Email(message = "username must be an email address")
        @Size(max = 255, message = "username is at most 255 characters")
        String username,

        @Schema(required = true, minLength = 8, description = ValidPassword.RULE) @ValidPassword
        String password,

        @Size(max = 255, message = "name is at most 255 characters")
        String name,

        @Size(max = 4096, message = "detail is at most 4096 characters")
        String detail,

        RingMethod ringMethod,

        @Min(value = 0, message = "wrapup_seconds must be between 0 and 3600")
        @Max(value = 3600, message = "wrapup_seconds must be between 0 and 3600")
        Integer wrapupSeconds,

        @Min(value = 0, message = "max_no_answer must be between 0 and 100")
        @Max(value = 100, message = "max_no_answer must be between 0 and 100")
        Integer maxNoAnswer,

        AnswerConfirmation answerConfirmation,

        @Min(value = 0, message = "permission must be between 0 and 65535")
        @Max(value = Permission.ALL, message = "permission must be between 0 and 65535")
        Long permission,

        List<UUID> tagIds,
        List<@Valid Address> addresses) {

    @JsonIgnore
    @AssertTrue(message = TagIds.MESSAGE)
    public boolean isTagIdsValid() {
        return TagIds.valid(tagIds);
    }

    @JsonIgnore
    @AssertTrue(message = Addresses.MESSAGE)
    public boolean isAddressesValid() {
        return Addresses.valid(addresses);
    }
}

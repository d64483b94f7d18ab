package dev.agentbin.agent;

import static dev.agentbin.common.Text.orEmpty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentbin.common.E164;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One way to reach an agent. On the way in the target is normalized as the reference does (tel keeps a
 * leading + and digits, sip lowercases the host) and then validated: tel must be E.164, sip user@host.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Address(
        @NotNull(message = "type is required") AddressType type,

        @NotNull(message = "target is required") @Size(max = 255, message = "target is at most 255 characters")
        String target,

        @Size(max = 255, message = "target_name is at most 255 characters")
        String targetName,

        @Size(max = 255, message = "name is at most 255 characters")
        String name,

        @Size(max = 4096, message = "detail is at most 4096 characters")
        String detail,

        AnswerConfirmation answerConfirmation) {

    private static final Pattern SIP = Pattern.compile("[^@\\s]+@[A-Za-z0-9.\\-]+(:[0-9]{1,5})?(;[^\\s]*)?");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    public Address {
        target = type == null || target == null ? target : normalize(type, target);
        targetName = orEmpty(targetName);
        name = orEmpty(name);
        detail = orEmpty(detail);
    }

    @JsonIgnore
    @AssertTrue(
            message = "target is not valid for its type: tel must be E.164 (+ and 7 to 15 digits), "
                    + "sip must be user@host, extension must be 1 to 64 letters, digits, '.', '_' or '-'")
    public boolean isTargetValid() {
        if (type == null || target == null) {
            return true;
        }
        return switch (type) {
            case TEL -> E164.matches(target);
            case SIP -> SIP.matcher(target).matches();
            case EXTENSION -> EXTENSION.matcher(target).matches();
        };
    }

    /** How a leg to this address is confirmed: its own setting, else the agent's. */
    public AnswerConfirmation confirmationOr(AnswerConfirmation agentDefault) {
        return answerConfirmation == null ? agentDefault : answerConfirmation;
    }

    /** The key under which a customer's address can belong to one agent only. */
    @JsonIgnore
    public String ownerKey() {
        return type.wire() + ":" + target;
    }

    static String normalize(AddressType type, String raw) {
        String trimmed = raw.trim();
        return switch (type) {
            case TEL -> normalizeTel(trimmed);
            case SIP -> normalizeSip(trimmed);
            case EXTENSION -> trimmed;
        };
    }

    /** Keeps a leading + and the ASCII digits; a value without digits stays as it was (and fails validation). */
    private static String normalizeTel(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '+' && i == 0) || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.chars().anyMatch(Character::isDigit) ? out.toString() : value;
    }

    /** Lowercases the host after the last @ (before any ;params or ?headers), keeping the user part as is. */
    private static String normalizeSip(String value) {
        int cut = indexOfAny(value, ';', '?');
        String head = cut < 0 ? value : value.substring(0, cut);
        String tail = cut < 0 ? "" : value.substring(cut);
        int at = head.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        return head.substring(0, at + 1) + head.substring(at + 1).toLowerCase(Locale.ROOT) + tail;
    }

    private static int indexOfAny(String value, char a, char b) {
        int ia = value.indexOf(a);
        int ib = value.indexOf(b);
        if (ia < 0) {
            return ib;
        }
        return ib < 0 ? ia : Math.min(ia, ib);
    }
}

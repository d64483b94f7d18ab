package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.agentbin.common.WireEnum;

/**
 * What makes an answered leg the winner of a ring-all, so that a voicemail picking up in a second
 * cannot take the call from the agent's other phones.
 * <ul>
 *   <li>{@code none}: the first answer wins (the reference's behaviour, the default);</li>
 *   <li>{@code key}: the person who answered hears a prompt and must press a key within the
 *       confirmation window; a leg that does not is hung up and the others keep ringing;</li>
 *   <li>{@code machine_detection}: the provider's answering-machine detection decides; a machine is
 *       hung up like an unanswered leg.</li>
 * </ul>
 */
public enum AnswerConfirmation implements WireEnum {
    NONE,
    KEY,
    MACHINE_DETECTION;

    @JsonCreator
    public static AnswerConfirmation fromWire(String value) {
        return WireEnum.parse(AnswerConfirmation.class, "answer_confirmation", value);
    }
}

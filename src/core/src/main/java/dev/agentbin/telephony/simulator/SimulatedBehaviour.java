package dev.agentbin.telephony.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the simulator treats one address, written in the address's {@code detail}:
 * <ul>
 *   <li>{@code sim:answer:<ms>}: rings, then a person answers after that many milliseconds (and presses the
 *       key when the leg must be confirmed);</li>
 *   <li>{@code sim:answer-nokey:<ms>}: a person answers but never presses the key;</li>
 *   <li>{@code sim:machine:<ms>}: a machine (voicemail) answers: it never presses a key, and machine
 *       detection says machine;</li>
 *   <li>{@code sim:busy:<ms>}: rings, then ends busy;</li>
 *   <li>{@code sim:no-answer}: rings until it is hung up or its ring timeout passes (the default);</li>
 *   <li>{@code sim:fail}: the origination itself is refused.</li>
 * </ul>
 */
public record SimulatedBehaviour(Kind kind, long afterMillis) {

    public enum Kind {
        ANSWER,
        ANSWER_NO_KEY,
        MACHINE,
        BUSY,
        NO_ANSWER,
        FAIL
    }

    private static final Pattern DIRECTIVE =
            Pattern.compile("sim:(answer-nokey|answer|machine|busy|no-answer|fail)(?::(\\d{1,7}))?");

    public static SimulatedBehaviour of(String detail) {
        Matcher m = detail == null ? null : DIRECTIVE.matcher(detail);
        if (m == null || !m.find()) {
            return new SimulatedBehaviour(Kind.NO_ANSWER, 0);
        }
        Kind kind = switch (m.group(1)) {
            case "answer" -> Kind.ANSWER;
            case "answer-nokey" -> Kind.ANSWER_NO_KEY;
            case "machine" -> Kind.MACHINE;
            case "busy" -> Kind.BUSY;
            case "fail" -> Kind.FAIL;
            default -> Kind.NO_ANSWER;
        };
        return new SimulatedBehaviour(kind, m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }
}

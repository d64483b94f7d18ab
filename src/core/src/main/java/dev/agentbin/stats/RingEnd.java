package dev.agentbin.stats;

/** How a ring that was never answered ended, as the statistics count it. */
public enum RingEnd {
    /** Nobody answered (every leg ended, or the ring timeout passed). */
    MISSED,
    /** The caller gave up while it rang. */
    CANCELED,
    /** No leg could be placed. */
    FAILED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

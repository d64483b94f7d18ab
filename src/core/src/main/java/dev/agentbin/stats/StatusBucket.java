package dev.agentbin.stats;

import java.util.Locale;

/**
 * What an agent's time is counted as: its status, with the wrap-up after a call apart from busy (the agent
 * feature says which one an agent is in). Each has its column in {@code agent_stat_days}.
 */
public enum StatusBucket {
    AVAILABLE,
    RINGING,
    BUSY,
    WRAPUP,
    AWAY,
    OFFLINE;

    /** As on the wire and in the counts: "available", "wrapup". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    String column() {
        return wire() + "_ms";
    }
}

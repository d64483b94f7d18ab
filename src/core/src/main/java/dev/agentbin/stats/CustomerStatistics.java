package dev.agentbin.stats;

import java.time.LocalDate;
import java.util.List;

/** Every live agent of a customer over one window, in one page, and their total. */
public record CustomerStatistics(LocalDate from, LocalDate to, List<AgentStatistics> result, AgentStatistics total) {}

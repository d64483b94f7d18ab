package dev.agentbin.api.statistics;

/** The window's query parameters, as the OpenAPI document describes them. */
final class StatisticsParameters {

    static final String FROM = "First UTC day, YYYY-MM-DD (inclusive); default: to";
    static final String TO = "Last UTC day, YYYY-MM-DD (inclusive); default: today. At most 31 days from from";

    private StatisticsParameters() {}
}

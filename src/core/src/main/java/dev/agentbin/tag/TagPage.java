package dev.agentbin.tag;

import java.util.List;

/** The reference's list envelope: the token is empty only when the page is. */
public record TagPage(List<Tag> result, String nextPageToken) {}

package dev.agentbin.accesskey;

import java.util.List;

/** The reference's list envelope: the token is empty only when the page is. */
public record AccessKeyPage(List<AccessKey> result, String nextPageToken) {}

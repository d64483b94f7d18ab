package dev.agentbin.api.web;

/**
 * The error reasons a route answers beyond those every route shares, one line each, for the route's
 * {@code @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)}; several reasons of one
 * status are joined with {@code +}. {@link ApiDocument} adds the shared ones (malformed input, credentials,
 * cross-site cookies, sizes, an unavailable database) and the error envelope to every answer. A line names the
 * reason exactly as the code throws it: the error sweep (ErrorSweepTest) fails when a route answers a reason its
 * document does not list.
 */
public final class ErrorReasons {

    // 400
    public static final String PAGING = "- `INVALID_REQUEST_PARAMETER`: page_size is not an integer.\n"
            + "- `INVALID_PAGE_TOKEN`: page_token is not a next_page_token this API returned.\n";
    public static final String STATISTICS_WINDOW = "- `INVALID_REQUEST_PARAMETER`: from or to is not a UTC date"
            + " (YYYY-MM-DD), from is after to, or the window is longer than 31 days.\n";
    public static final String HISTORY_WINDOW = "- `INVALID_REQUEST_PARAMETER`: from or to is not RFC 3339 with an"
            + " offset, from is not before to (or now), or the window is longer than 31 days.\n";
    public static final String INVALID_TAG_IDS = "- `INVALID_TAG_IDS`: tag_ids is empty, holds something other than"
            + " non-nil UUIDs, or more than 100 of them.\n";
    public static final String AGENT_CALL_FILTERS =
            "- `INVALID_REQUEST_PARAMETER`: agent_id is not a UUID, from or to is"
                    + " no RFC 3339 time with an offset (or from is not before to), or page_size is not an integer.\n"
                    + "- `INVALID_PAGE_TOKEN`: page_token is not a next_page_token this API returned.\n";
    public static final String INVALID_WEBHOOK_URI =
            "- `INVALID_WEBHOOK_URI`: webhook_uri is not https on a host whose" + " every address is public.\n";
    public static final String INVALID_RESET_TOKEN =
            "- `INVALID_RESET_TOKEN`: the link's token is unknown, used or" + " expired (alike).\n";

    // 401
    public static final String INVALID_LOGIN =
            "- `INVALID_CREDENTIALS`: the username or password is wrong (alike for an" + " unknown username).\n";
    public static final String NOT_AN_AGENT = "- `AUTHENTICATION_REQUIRED`: the caller is an access key; these routes"
            + " are an agent's, with its token.\n";
    public static final String INVALID_SIGNATURE = "- `INVALID_SIGNATURE`: the provider's signature does not verify.\n";

    // 403
    public static final String NOT_MANAGER =
            "- `PERMISSION_DENIED`: the caller is no admin or manager of the customer.\n";
    public static final String NOT_ADMIN = "- `PERMISSION_DENIED`: the caller is no admin of the customer.\n";
    public static final String NOT_ALLOWED_ON_AGENT = "- `PERMISSION_DENIED`: the caller may not do this to this agent"
            + " (an agent acts on itself only; nobody acts on an agent holding permission bits the caller lacks).\n";
    public static final String CANNOT_GRANT =
            "- `PERMISSION_DENIED`: the body grants a permission bit the caller does" + " not hold.\n";
    public static final String KEY_WITHOUT_PERMISSION =
            "- `PERMISSION_DENIED`: the caller is an access key holding no" + " permission in the customer.\n";
    public static final String NOT_OWN_CALLS =
            "- `PERMISSION_DENIED`: the caller is no admin or manager of the customer,"
                    + " and not the agent whose agentcalls these are.\n";
    public static final String AGENT_AUTH_REQUIRED =
            "- `AGENT_AUTH_REQUIRED`: the caller is an access key, which is no" + " agent.\n";
    public static final String CURRENT_PASSWORD_WRONG =
            "- `CURRENT_PASSWORD_WRONG`: changing one's own password," + " current_password is wrong.\n";

    // 404
    public static final String AGENT_NOT_FOUND =
            "- `AGENT_NOT_FOUND`: no such agent (unknown, another customer's, or," + " for a change, deleted).\n";
    public static final String ACCESSKEY_NOT_FOUND =
            "- `ACCESSKEY_NOT_FOUND`: no such live access key of the caller's" + " customer.\n";
    public static final String TAG_NOT_FOUND =
            "- `TAG_NOT_FOUND`: no such tag (unknown, another customer's, or, for a" + " change, deleted).\n";
    public static final String AGENTCALL_NOT_FOUND =
            "- `AGENTCALL_NOT_FOUND`: no such agentcall (unknown or another" + " customer's).\n";
    public static final String WEBHOOK_NOT_FOUND =
            "- `WEBHOOK_NOT_FOUND`: the customer has no webhook, or is not the" + " caller's.\n";
    public static final String CUSTOMER_NOT_FOUND = "- `CUSTOMER_NOT_FOUND`: the customer is not the caller's.\n";
    public static final String PROVIDER_NOT_FOUND =
            "- `PROVIDER_NOT_FOUND`: no such telephony provider is configured," + " or it takes no such callback.\n";
    public static final String LEG_NOT_FOUND = "- `LEG_NOT_FOUND`: the callback names no leg agentbin rang.\n";
    public static final String NO_SUCH_FILE = "- `ROUTE_NOT_FOUND`: the console has no such file.\n";

    // 409
    public static final String AGENT_ALREADY_EXISTS =
            "- `AGENT_ALREADY_EXISTS`: a live agent (of any customer) has" + " this username.\n";
    public static final String ADDRESS_ALREADY_ASSIGNED =
            "- `ADDRESS_ALREADY_ASSIGNED`: an address belongs to another" + " live agent of the customer.\n";
    public static final String LAST_ADMIN = "- `LAST_ADMIN`: the agent is the customer's last admin.\n";
    public static final String AGENT_IN_CALL =
            "- `AGENT_IN_CALL`: the agent is in a live agentcall: hang it up first.\n";
    public static final String AGENT_NOT_AVAILABLE =
            "- `AGENT_NOT_AVAILABLE`: the agent is not available, or a live" + " agentcall holds it.\n";
    public static final String AGENT_HAS_NO_ADDRESSES =
            "- `AGENT_HAS_NO_ADDRESSES`: the agent has no address to ring.\n";
    public static final String TAG_ALREADY_EXISTS =
            "- `TAG_ALREADY_EXISTS`: the customer has a live tag of this name" + " (compared ignoring case).\n";

    // 422
    public static final String IDEMPOTENCY_KEY_REUSED =
            "- `IDEMPOTENCY_KEY_REUSED`: this Idempotency-Key came with a" + " different request before.\n";

    // 429, always with Retry-After
    public static final String TOO_MANY_LOGINS = "- `TOO_MANY_ATTEMPTS`: a failed-login budget (per username and"
            + " address, per username, per address) is spent; Retry-After says when it refills.\n";
    public static final String TOO_MANY_RESETS = "- `TOO_MANY_ATTEMPTS`: a reset-request budget (per username, per"
            + " address) is spent; Retry-After says when it refills.\n";

    // 503
    public static final String UNAVAILABLE =
            "- `UNAVAILABLE`: the database could not be reached; nothing was" + " changed: retry after Retry-After.\n";
    public static final String PASSWORD_RESET_UNAVAILABLE =
            "- `PASSWORD_RESET_UNAVAILABLE`: this deployment sends no" + " mail (alike for every username).\n";

    private ErrorReasons() {}
}

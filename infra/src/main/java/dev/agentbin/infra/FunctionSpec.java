package dev.agentbin.infra;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;

/** One function of functions.yaml; validate() enforces the schema written in that file's header. */
public record FunctionSpec(
        String name,
        Module module,
        Auth auth,
        List<Route> routes,
        String handler,
        Trigger trigger,
        Set<Grant> grants,
        DatabaseUse database,
        Throttle throttle,
        Integer memory,
        Integer timeout,
        @JsonProperty("reserved_concurrency") Integer reservedConcurrency) {

    public enum Module {
        @JsonProperty("api")
        API,
        @JsonProperty("events")
        EVENTS;

        /** The Maven module folder under src/ whose target/function.zip this function runs. */
        public String directory() {
            return name().toLowerCase();
        }
    }

    public enum Auth {
        @JsonProperty("jwt")
        JWT,
        @JsonProperty("none")
        NONE
    }

    public enum Grant {
        @JsonProperty("jwt-signing-key")
        JWT_SIGNING_KEY,
        @JsonProperty("ring-queue-consume")
        RING_QUEUE_CONSUME,
        @JsonProperty("telephony-credentials")
        TELEPHONY_CREDENTIALS,
        /** Relay its own events right after commit: send to the delivery queue, put on the event bus. */
        @JsonProperty("events-publish")
        EVENTS_PUBLISH,
        @JsonProperty("event-queue-consume")
        EVENT_QUEUE_CONSUME,
        /** ses:SendEmail from the deployment's SES identity (DeploySettings.mail), nothing else. */
        @JsonProperty("mail-send")
        MAIL_SEND
    }

    /** Only "none" is written: a function connects to the database unless its entry says otherwise. */
    public enum DatabaseUse {
        @JsonProperty("none")
        NONE
    }

    /** API Gateway's limit on each route of one function: steady requests per second and burst. */
    public record Throttle(Integer rate, Integer burst) {
        boolean isValid() {
            return rate != null && rate >= 1 && burst != null && burst >= 1;
        }
    }

    /** Exactly one of: an SQS queue name, an EventBridge schedule expression, or a run at each deploy. */
    public record Trigger(String sqs, String schedule, Boolean deploy) {
        boolean hasExactlyOneKind() {
            return (sqs != null ? 1 : 0) + (schedule != null ? 1 : 0) + (atDeploy() ? 1 : 0) == 1;
        }

        public boolean atDeploy() {
            return Boolean.TRUE.equals(deploy);
        }
    }

    public FunctionSpec {
        routes = routes == null ? List.of() : List.copyOf(routes);
        grants = grants == null ? Set.of() : Set.copyOf(grants);
    }

    /**
     * Not in the constructor: Jackson reports unknown keys only after constructing the record, and
     * an unknown key (a typo) explains a missing value better than "memory is required" does.
     */
    void validate() {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("function name '" + name + "' must be lower-case kebab-case");
        }
        require(module != null, name, "module is required (api | events)");
        require(memory != null && memory >= 128 && memory <= 10240, name, "memory must be 128..10240 MiB");
        require(timeout != null && timeout >= 1 && timeout <= 900, name, "timeout must be 1..900 s");
        require(reservedConcurrency == null || reservedConcurrency >= 1, name, "reserved_concurrency must be >= 1");
        require(throttle == null || throttle.isValid(), name, "throttle needs rate >= 1 and burst >= 1");
        require(throttle == null || module == Module.API, name, "throttle is for api functions (their routes)");
        require(usesDatabase() || !runsAtDeploy(), name, "the deploy migration needs the database");
        if (module == Module.API) {
            require(auth != null, name, "api functions need auth (jwt | none)");
            require(!routes.isEmpty(), name, "api functions need at least one route");
            require(handler == null && trigger == null, name, "api functions take no handler or trigger");
        } else {
            require(handler != null && !handler.isBlank(), name, "events functions need a handler");
            require(trigger != null, name, "events functions need a trigger");
            require(trigger.hasExactlyOneKind(), name, "trigger needs exactly one of sqs, schedule or deploy: true");
            require(routes.isEmpty(), name, "events functions take no routes");
            require(auth == null, name, "events functions take no auth (it describes api routes)");
        }
        // The SQS event source is what grants consumption, so the grant and the trigger go together.
        String queue = trigger == null ? null : trigger.sqs();
        boolean consumes = grants.contains(Grant.RING_QUEUE_CONSUME) || grants.contains(Grant.EVENT_QUEUE_CONSUME);
        require(
                (queue != null) == consumes,
                name,
                "grant ring-queue-consume goes with an sqs trigger, and only with it (event-queue-consume likewise)");
        require(
                !EventDelivery.NAME.equals(queue) || grants.contains(Grant.EVENT_QUEUE_CONSUME),
                name,
                "an sqs trigger on " + EventDelivery.NAME + " goes with grant event-queue-consume");
        require(
                !RingQueue.NAME.equals(queue) || grants.contains(Grant.RING_QUEUE_CONSUME),
                name,
                "an sqs trigger on " + RingQueue.NAME + " goes with grant ring-queue-consume");
    }

    public boolean has(Grant grant) {
        return grants.contains(grant);
    }

    public boolean usesDatabase() {
        return database != DatabaseUse.NONE;
    }

    public boolean runsAtDeploy() {
        return trigger != null && trigger.atDeploy();
    }

    private static void require(boolean condition, String function, String message) {
        if (!condition) {
            throw new IllegalArgumentException("function '" + function + "': " + message);
        }
    }
}

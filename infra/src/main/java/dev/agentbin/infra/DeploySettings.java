package dev.agentbin.infra;

import java.nio.file.Path;
import java.util.Locale;
import software.constructs.Node;

/**
 * Everything a deployment may choose, read from CDK context (cdk.json or -c key=value) with the
 * defaults below. Paths are relative to the infra/ folder, where `cdk` and the tests run.
 */
public record DeploySettings(
        Flavour flavour,
        Egress egress,
        boolean rdsProxy,
        Path assetsDir,
        Path functionsFile,
        BootstrapAdmin bootstrapAdmin,
        MailSender mail,
        String publicUrl,
        String alarmSubscription,
        String secretsRevision) {

    /** The first admin of a customer, created by the app at start when that customer has none. */
    public record BootstrapAdmin(String username, String customerId) {}

    /**
     * Who mail comes from: the sender address and the SES identity (a verified domain or address) it
     * belongs to, which is all the mail-send grant may send from.
     */
    public record MailSender(String from, String identity) {}

    public static DeploySettings from(Node node) {
        String username = text(node, "bootstrapAdminUsername", null);
        String customerId = text(node, "bootstrapCustomerId", null);
        if ((username == null) != (customerId == null)) {
            throw new IllegalArgumentException("set both bootstrapAdminUsername and bootstrapCustomerId, or neither");
        }
        return new DeploySettings(
                choice(Flavour.class, text(node, "flavour", "jvm")),
                choice(Egress.class, text(node, "networking", "nat")),
                flag(text(node, "rdsProxy", "false")),
                Path.of(text(node, "assetsDir", "..")),
                Path.of(text(node, "functionsFile", "../functions.yaml")),
                username == null ? null : new BootstrapAdmin(username, customerId),
                mailSender(node),
                text(node, "publicUrl", null),
                alarmSubscription(node),
                text(node, "secretsRevision", null));
    }

    /** Who the alarms reach: an email address or an HTTPS endpoint (a pager's webhook); null for nobody. */
    private static String alarmSubscription(Node node) {
        String endpoint = text(node, "alarmSubscription", null);
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        if (!endpoint.matches("[^@\\s/]+@[^@\\s/]+") && !endpoint.matches("https://\\S+")) {
            throw new IllegalArgumentException(
                    "alarmSubscription must be an email address or an https:// URL, not '" + endpoint + "'");
        }
        return endpoint;
    }

    /** mailFrom, with mailIdentity defaulting to its domain; null when mail is not configured. */
    private static MailSender mailSender(Node node) {
        String from = text(node, "mailFrom", null);
        if (from == null) {
            if (text(node, "mailIdentity", null) != null) {
                throw new IllegalArgumentException("mailIdentity needs mailFrom");
            }
            return null;
        }
        if (!from.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("mailFrom must be an email address, not '" + from + "'");
        }
        return new MailSender(from, text(node, "mailIdentity", from.substring(from.indexOf('@') + 1)));
    }

    // Context from cdk.json keeps its JSON type, from -c it is always a string: compare as text.
    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    private static boolean flag(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("rdsProxy must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + value + "'", e);
        }
    }
}

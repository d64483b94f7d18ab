package dev.agentbin.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.assertions.Template;

/** The IAM statements of a synthesized template, by the role they are attached to. */
final class IamStatements {

    private IamStatements() {}

    /** Statements of every AWS::IAM::Policy (by the roles it is attached to) and every inline role policy. */
    static Map<String, List<Map<?, ?>>> byRole(Template template) {
        Map<String, List<Map<?, ?>>> byRole = new HashMap<>();
        TemplateQueries.resources(template, "AWS::IAM::Policy").values().forEach(policy -> {
            Map<?, ?> props = (Map<?, ?>) policy.get("Properties");
            for (Object role : (List<?>) props.get("Roles")) {
                byRole.computeIfAbsent((String) ((Map<?, ?>) role).get("Ref"), r -> new ArrayList<>())
                        .addAll(statements(props.get("PolicyDocument")));
            }
        });
        TemplateQueries.resources(template, "AWS::IAM::Role").forEach((roleId, role) -> {
            Object inline = ((Map<?, ?>) role.get("Properties")).get("Policies");
            if (inline != null) {
                for (Object policy : (List<?>) inline) {
                    byRole.computeIfAbsent(roleId, r -> new ArrayList<>())
                            .addAll(statements(((Map<?, ?>) policy).get("PolicyDocument")));
                }
            }
        });
        return byRole;
    }

    /** Logical ids of the secrets (or secret attachments) the role may read. */
    static Set<String> secretsReadBy(Template template, String role) {
        Set<String> secrets = new HashSet<>();
        for (Map<?, ?> statement : byRole(template).getOrDefault(role, List.of())) {
            if (actions(statement).contains("secretsmanager:GetSecretValue")) {
                collectRefs(statement.get("Resource"), secrets);
            }
        }
        return secrets;
    }

    static List<String> actions(Map<?, ?> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(action));
    }

    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref) {
                refs.add(ref);
            }
            map.values().forEach(value -> collectRefs(value, refs));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectRefs(value, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> statements(Object document) {
        return (List<Map<?, ?>>) ((Map<?, ?>) document).get("Statement");
    }
}

package dev.agentbin.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Follows references inside a synthesized template: which Lambda does a route or an event source reach? */
final class TemplateQueries {

    private TemplateQueries() {}

    static String functionName(FunctionSpec spec) {
        return InfraApp.STACK_NAME + "-" + spec.name();
    }

    static Map<String, Object> function(Template template, FunctionSpec spec) {
        return properties(named(template, spec), spec.name());
    }

    static String roleOf(Template template, FunctionSpec spec) {
        return (String) ((List<?>) ((Map<?, ?>) function(template, spec).get("Role")).get("Fn::GetAtt")).get(0);
    }

    static String functionLogicalId(Template template, FunctionSpec spec) {
        return named(template, spec).keySet().iterator().next();
    }

    private static Map<String, Map<String, Object>> named(Template template, FunctionSpec spec) {
        Map<String, Map<String, Object>> found = template.findResources(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("FunctionName", functionName(spec))))));
        if (found.size() != 1) {
            throw new AssertionError("expected one function named " + functionName(spec) + ", found " + found.keySet());
        }
        return found;
    }

    /**
     * The logical id of the function that a reference reaches: {"Ref": alias}, {"Fn::GetAtt": [function,
     * "Arn"]}, or either inside an intrinsic such as Fn::Join, through aliases and versions.
     */
    @SuppressWarnings("unchecked")
    static String invokedFunction(Template template, Object reference) {
        String logicalId = firstReference(reference);
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        Map<String, Object> target = (Map<String, Object>) resources.get(logicalId);
        if ("AWS::Lambda::Function".equals(target.get("Type"))) {
            return logicalId;
        }
        return invokedFunction(template, ((Map<String, Object>) target.get("Properties")).get("FunctionName"));
    }

    private static String firstReference(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref) {
                return ref;
            }
            if (map.get("Fn::GetAtt") instanceof List<?> getAtt) {
                return (String) getAtt.get(0);
            }
            return firstReference(List.copyOf(map.values()));
        }
        if (node instanceof List<?> list) {
            return list.stream()
                    .map(TemplateQueries::firstReference)
                    .filter(id -> id != null)
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Map<String, Object>> resources, String what) {
        if (resources.size() != 1) {
            throw new AssertionError("expected exactly one resource for " + what + ", found " + resources.keySet());
        }
        return (Map<String, Object>) resources.values().iterator().next().get("Properties");
    }

    static Map<String, Map<String, Object>> resources(Template template, String type) {
        return template.findResources(type, Match.anyValue());
    }
}

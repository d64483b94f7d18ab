package dev.agentbin.api.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentbin.api.auth.PublicRoute;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * functions.yaml is the one catalog of functions: every JAX-RS route of this module is served by
 * exactly one function, and every route the catalog names exists.
 */
class FunctionCatalogTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalog(List<Function> functions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Function(String name, String module, String auth, List<String> routes) {}

    /** A function's auth says what its routes do: "none" exactly when every route is a @PublicRoute. */
    @Test
    void eachFunctionsAuthMatchesItsRoutes() throws IOException {
        Set<String> publicRoutes = declaredRoutes(true);
        List<String> wrong = new ArrayList<>();
        for (Function function : catalog().functions()) {
            if ("api".equals(function.module())) {
                long open = function.routes().stream()
                        .filter(publicRoutes::contains)
                        .count();
                String truth = open == function.routes().size() ? "none" : open == 0 ? "jwt" : "mixed";
                if (!truth.equals(function.auth())) {
                    wrong.add(function.name() + " says auth " + function.auth() + " but its routes are " + truth);
                }
            }
        }
        Assertions.assertEquals(List.of(), wrong);
        Assertions.assertTrue(publicRoutes.contains("POST /auth/login"), "scanned " + publicRoutes);
    }

    @Test
    void everyRouteIsServedByExactlyOneFunctionAndEveryCatalogRouteExists() throws IOException {
        Set<String> declared = declaredRoutes(false);
        Map<String, List<String>> servedBy = new HashMap<>();
        for (Function function : catalog().functions()) {
            if ("api".equals(function.module()) && function.routes() != null) {
                function.routes()
                        .forEach(route -> servedBy.computeIfAbsent(route, r -> new ArrayList<>())
                                .add(function.name()));
            }
        }

        Set<String> unserved = new TreeSet<>(declared);
        unserved.removeAll(servedBy.keySet());
        Set<String> unknown = new TreeSet<>(servedBy.keySet());
        unknown.removeAll(declared);
        Map<String, List<String>> twice = servedBy.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        Assertions.assertAll(
                () -> Assertions.assertEquals(Set.of(), unserved, "JAX-RS routes no function in functions.yaml serves"),
                () -> Assertions.assertEquals(Set.of(), unknown, "functions.yaml routes no JAX-RS method declares"),
                () -> Assertions.assertEquals(Map.of(), twice, "routes served by more than one function"));
        Assertions.assertTrue(declared.size() >= 17, "scanned only " + declared);
    }

    private static Catalog catalog() throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .readValue(Paths.get("../../functions.yaml").toFile(), Catalog.class);
    }

    /** "METHOD /path" for every resource method compiled into this module (only the @PublicRoute ones when asked). */
    private static Set<String> declaredRoutes(boolean publicOnly) throws IOException {
        java.nio.file.Path classes = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(FunctionCatalogTest::load)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .flatMap(resource -> routesOf(resource, publicOnly))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Stream<String> routesOf(Class<?> resource, boolean publicOnly) {
        String base = resource.getAnnotation(Path.class).value();
        return Stream.of(resource.getDeclaredMethods())
                .filter(method -> !publicOnly
                        || resource.isAnnotationPresent(PublicRoute.class)
                        || method.isAnnotationPresent(PublicRoute.class))
                .flatMap(method -> httpMethod(method).stream()
                        .map(verb -> verb + " "
                                + join(
                                        base,
                                        method.isAnnotationPresent(Path.class)
                                                ? method.getAnnotation(Path.class)
                                                        .value()
                                                : "")));
    }

    private static java.util.Optional<String> httpMethod(Method method) {
        return Stream.of(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, FunctionCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

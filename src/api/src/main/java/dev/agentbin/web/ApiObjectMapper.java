package dev.agentbin.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The REST layer's JSON: the reference's snake_case names. Kept off the application-wide mapper,
 * which the Lambda runtime also uses for API Gateway events (camelCase).
 */
@Provider
public class ApiObjectMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    public ApiObjectMapper(ObjectMapper base) {
        this.mapper = base.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}

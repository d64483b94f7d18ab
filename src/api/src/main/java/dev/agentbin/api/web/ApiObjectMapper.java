package dev.agentbin.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.common.StrictJson;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The REST layer reads and writes bodies with the one strict snake_case setup ({@link StrictJson}). */
@Provider
@Singleton
public class ApiObjectMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    public ApiObjectMapper(StrictJson json) {
        this.mapper = json.mapper();
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}

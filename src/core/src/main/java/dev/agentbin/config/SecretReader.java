package dev.agentbin.config;

/** Reads one secret's string value by its ARN. */
@FunctionalInterface
public interface SecretReader {

    String read(String arn);
}

package dev.agentbin.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS-compatible server the tests run against: ElasticMQ on this machine (scripts/elasticmq.sh). */
public final class LocalSqs {

    public static final URI ENDPOINT = URI.create("http://127.0.0.1:9324");

    private LocalSqs() {}

    /** A client of its own (close it); ElasticMQ takes any credentials. */
    public static SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(ENDPOINT)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}

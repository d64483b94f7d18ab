package dev.agentbin.mail;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The {@link Mailer} the settings choose, made when the app starts, and only in a process that sends mail
 * (the one function with a mail provider pays for an SES client). In AWS the region and credentials come
 * from the Lambda environment (credentials are fetched at the first send); against a local endpoint any
 * credentials do.
 */
@ApplicationScoped
public class Mailers {

    private final MailSettings settings;
    private SesV2Client ses;

    public Mailers(MailSettings settings) {
        this.settings = settings;
    }

    /**
     * Not at the first mail: building the SES client there (class loading, endpoint rules, HTTP client) can
     * outlast password-forgot's padding, so a fresh instance's first forgot for a known username would answer
     * later than one for an unknown username. Under SnapStart the start is before the snapshot, so a restored
     * instance does not pay for it either.
     */
    void makeAtStart(@Observes StartupEvent event, Instance<Mailer> mailer) {
        if (settings.sendsMail()) {
            mailer.get();
        }
    }

    @Produces
    @Singleton
    Mailer mailer() {
        return mailer(System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
    }

    /** @param lambdaFunction the Lambda function this runs as, null outside Lambda */
    Mailer mailer(String lambdaFunction) {
        MailSettings.Provider provider = settings.provider()
                .orElseThrow(() -> new IllegalStateException(
                        "agentbin.mail.provider is not set (ses, or log for local runs): this process sends no mail"));
        if (provider == MailSettings.Provider.LOG) {
            if (lambdaFunction != null) {
                // Its log is CloudWatch's, read by everyone with access to the logs: a reset link there is an account.
                throw new IllegalStateException("agentbin.mail.provider=log writes reset links to the log, which only a"
                        + " local run may do; " + lambdaFunction + " must send with ses");
            }
            return new LoggingMailer();
        }
        String from = settings.from().orElseThrow(() -> new IllegalStateException("agentbin.mail.from is not set"));
        return new SesMailer(ses(), from);
    }

    private synchronized SesV2Client ses() {
        if (ses == null) {
            var builder = SesV2Client.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .region(Region.of(
                            Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1")));
            settings.sesEndpoint()
                    .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
            ses = builder.build();
        }
        return ses;
    }

    @PreDestroy
    synchronized void close() {
        if (ses != null) {
            ses.close();
        }
    }
}

package dev.agentbin.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The application's own secrets. CDK can only fill them with a random string, so their real values
 * (an RS256 private key PEM; the provider's credentials as JSON) are put in after the first deploy
 * (see infra/README.md). Retained on stack deletion: losing the signing key logs every agent out.
 */
final class AppSecrets extends Construct {

    private final Secret jwtSigningKey;
    private final Secret telephonyCredentials;

    AppSecrets(Construct scope, String id) {
        super(scope, id);
        this.jwtSigningKey = secret("JwtSigningKey", "agentbin RS256 private key (PEM) that signs agent tokens");
        this.telephonyCredentials = secret("TelephonyCredentials", "agentbin telephony provider credentials (JSON)");
        NagReasons.suppress(
                jwtSigningKey,
                "AwsSolutions-SMG4",
                "an RS256 private key put in by the operator; Secrets "
                        + "Manager's rotation could only write a random string in its place");
        NagReasons.suppress(
                telephonyCredentials,
                "AwsSolutions-SMG4",
                "credentials issued by the telephony provider "
                        + "(e.g. Twilio's auth token), changed at the provider and put in by the operator");
    }

    ISecret jwtSigningKey() {
        return jwtSigningKey;
    }

    ISecret telephonyCredentials() {
        return telephonyCredentials;
    }

    private Secret secret(String id, String description) {
        Secret secret = Secret.Builder.create(this, id).description(description).build();
        secret.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return secret;
    }
}

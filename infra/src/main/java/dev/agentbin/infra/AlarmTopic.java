package dev.agentbin.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscription;
import software.constructs.Construct;

/**
 * The one topic every alarm notifies, on alarm and on recovery, with the deployment's subscriber (an email
 * address or an HTTPS endpoint, context alarmSubscription) when it has one.
 */
final class AlarmTopic extends Construct {

    private final Topic topic;

    AlarmTopic(Construct scope, String id, String subscription) {
        super(scope, id);
        // A key of our own: CloudWatch cannot publish to a topic under the AWS managed SNS key.
        Key key = Key.Builder.create(this, "Key")
                .description("agentbin alarm notifications")
                .enableKeyRotation(true)
                // Holds nothing at rest once the notifications are delivered.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("agentbin alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        if (subscription != null) {
            topic.addSubscription(
                    subscription.startsWith("https://")
                            ? new UrlSubscription(subscription)
                            : new EmailSubscription(subscription));
        }
    }

    Topic topic() {
        return topic;
    }
}

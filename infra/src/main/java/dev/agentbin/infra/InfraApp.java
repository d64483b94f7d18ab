package dev.agentbin.infra;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app; run from infra/ (cdk.json does that). */
public final class InfraApp {

    public static final String STACK_NAME = "agentbin";

    private InfraApp() {}

    public static void main(String[] args) {
        // -c values from the cdk CLI arrive through CDK_CONTEXT_JSON and win over these defaults.
        App app = App.Builder.create()
                .context(CdkJsonContext.load(Path.of("cdk.json")))
                .build();
        DeploySettings settings = DeploySettings.from(app.getNode());
        new AgentbinStack(
                app,
                STACK_NAME,
                StackProps.builder()
                        .description("agentbin: VoIPBIN-compatible agent service")
                        .build(),
                settings,
                FunctionCatalog.load(settings.functionsFile()));
        app.synth();
    }
}

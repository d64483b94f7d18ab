package dev.agentbin.infra;

import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * A catalog function as deployed. Routes, event sources and schedules invoke entryPoint: the
 * `live` alias where SnapStart needs a published version, else the function itself.
 */
record DeployedFunction(FunctionSpec spec, Function function, IFunction entryPoint) {}

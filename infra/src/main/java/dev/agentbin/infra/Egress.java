package dev.agentbin.infra;

/**
 * How functions in private subnets reach out of the VPC (AWS APIs, the internet): the deployment's
 * networking choice, -c networking=nat|endpoints. The VPC built for it is {@link Network}.
 */
public enum Egress {
    /** One NAT gateway: reaches everything, including the telephony provider on the public internet. */
    NAT,
    /** SQS and Secrets Manager interface endpoints and no internet at all: simulator-only deployments. */
    ENDPOINTS
}

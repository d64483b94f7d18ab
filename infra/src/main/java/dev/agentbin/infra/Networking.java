package dev.agentbin.infra;

/** How functions in private subnets reach AWS APIs and the internet, chosen with -c networking=nat|endpoints. */
public enum Networking {
    /** One NAT gateway: reaches everything, including the telephony provider on the public internet. */
    NAT,
    /** SQS and Secrets Manager interface endpoints and no internet at all: simulator-only deployments. */
    ENDPOINTS
}

package dev.agentbin.mail;

/** A plain-text message to one recipient. */
public record Mail(String to, String subject, String text) {}

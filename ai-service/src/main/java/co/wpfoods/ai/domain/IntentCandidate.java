package co.wpfoods.ai.domain;

/** One intent the engine considered, with its calibrated probability. */
public record IntentCandidate(Intent intent, double probability) {}

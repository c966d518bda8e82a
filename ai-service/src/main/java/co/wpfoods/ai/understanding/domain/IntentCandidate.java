package co.wpfoods.ai.understanding.domain;

/** One intent the engine considered, with its calibrated probability. */
public record IntentCandidate(Intent intent, double probability) {}

package co.wpfoods.ai.understanding.domain;

/** Who wrote the message; decides which intents are possible. */
public enum Role {
    CUSTOMER,
    RESTAURANT,
    WORKER
}

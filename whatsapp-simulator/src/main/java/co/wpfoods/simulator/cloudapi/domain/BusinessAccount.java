package co.wpfoods.simulator.cloudapi.domain;

/** The one simulated business number and its credentials (reference §0). */
public record BusinessAccount(
        String phoneNumberId,
        String displayPhoneNumber,
        String wabaId,
        String businessName,
        String accessToken,
        boolean registered) {}

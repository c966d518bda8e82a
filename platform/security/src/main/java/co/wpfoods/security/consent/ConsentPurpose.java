package co.wpfoods.security.consent;

/** What a person consents to: keeping their personal data to serve their orders, and marketing templates. */
public enum ConsentPurpose {
    PERSONAL_DATA,
    MARKETING
}

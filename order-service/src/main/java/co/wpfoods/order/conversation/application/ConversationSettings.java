package co.wpfoods.order.conversation.application;

/**
 * What the conversations are told from {@code wpfoods.order.*}: the confidence below which an understood message is
 * answered with the step's options instead of acted on ({@code ai.min-confidence}), and the approved templates that
 * stand in for a message leaving after the 24-hour window ({@code templates.*}).
 */
public record ConversationSettings(
        double minConfidence, String orderUpdateTemplate, String ratingTemplate, String restaurantNewOrderTemplate) {}

package co.wpfoods.order.ordering.adapter.out.timers;

import java.time.Duration;

/**
 * The order timers' settings from {@code wpfoods.order.*}: the scheduler's threads and polling interval
 * ({@code timers.*}), when a restaurant is reminded and when its silence cancels the order
 * ({@code restaurant-answer.*}), and how long a card payment may take ({@code payment-timeout}).
 */
public record TimerSettings(
        int threads,
        Duration pollingInterval,
        Duration restaurantReminderAfter,
        Duration restaurantAnswerTimeout,
        Duration paymentTimeout) {}

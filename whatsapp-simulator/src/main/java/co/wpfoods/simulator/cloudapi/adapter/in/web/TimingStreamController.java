package co.wpfoods.simulator.cloudapi.adapter.in.web;

import co.wpfoods.simulator.cloudapi.application.TimingFeed;
import co.wpfoods.simulator.cloudapi.application.TimingFeed.InboundDelivered;
import co.wpfoods.simulator.cloudapi.application.TimingFeed.ReplyAccepted;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /sim/api/timings}: a server-sent event stream of {@link TimingFeed} for load tests — {@code inbound} when
 * WPFoods' webhook answered 200 to a user's message, {@code reply} when the Graph API accepted a business message —
 * each with its epoch-millisecond time from the simulator's clock. Each subscriber gets its own sending thread, so a
 * slow reader never holds a Graph API request or a webhook thread. The stream ends after {@link #LONGEST} or when the
 * client goes away.
 */
@RestController
@RequestMapping("/sim/api")
public class TimingStreamController {

    static final Duration LONGEST = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(TimingStreamController.class);

    private final TimingFeed timings;

    TimingStreamController(TimingFeed timings) {
        this.timings = timings;
    }

    @GetMapping(value = "/timings", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter timings() throws IOException {
        SseEmitter emitter = new SseEmitter(LONGEST.toMillis());
        ExecutorService sender = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("timings-stream-", 0).daemon(true).factory());
        AtomicBoolean open = new AtomicBoolean(true);
        AutoCloseable subscription = timings.subscribe(timing -> {
            if (!open.get()) {
                return;
            }
            try {
                sender.execute(() -> send(emitter, open, timing));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the stream closed meanwhile
            }
        });
        Runnable close = () -> {
            open.set(false);
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("Closing a timing subscription failed", e);
            }
            sender.shutdown();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        // a first event, so the client knows it is subscribed before it starts sending
        emitter.send(SseEmitter.event().name("subscribed").data("{}", MediaType.APPLICATION_JSON));
        return emitter;
    }

    private static void send(SseEmitter emitter, AtomicBoolean open, TimingFeed.Timing timing) {
        try {
            switch (timing) {
                case InboundDelivered inbound ->
                    emitter.send(SseEmitter.event().name("inbound").data(inbound, MediaType.APPLICATION_JSON));
                case ReplyAccepted reply ->
                    emitter.send(SseEmitter.event().name("reply").data(reply, MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            open.set(false);
            emitter.completeWithError(e);
        }
    }
}

package co.wpfoods.eventing.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** One unit of work: a number and the answer its submitter waits for. */
    record Item(int number, CompletableFuture<String> answer) {
        static Item of(int number) {
            return new Item(number, new CompletableFuture<>());
        }
    }

    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    /** Counted down when a worker is inside the handler (holding its batch). */
    final CountDownLatch entered = new CountDownLatch(1);

    @Test
    void a_lone_item_is_handled_at_once_without_waiting_for_company() throws Exception {
        try (var commit = new GroupCommit<Item>(
                "test", 1, 64, this::handle, item -> item.answer().complete("closed"))) {
            Item item = Item.of(1);

            commit.submit(item);

            assertThat(item.answer().get(5, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(batches).containsExactly(List.of(1));
        }
    }

    @Test
    void items_that_arrive_while_the_worker_is_busy_form_the_next_batch_in_arrival_order() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (var commit = busyWithTheFirstItem(64, release)) {
            List<Item> waiting = List.of(Item.of(1), Item.of(2), Item.of(3), Item.of(4));
            waiting.forEach(commit::submit);

            release.countDown();

            for (Item item : waiting) {
                assertThat(item.answer().get(5, TimeUnit.SECONDS)).isEqualTo("done");
            }
            assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4));
        }
    }

    @Test
    void a_batch_never_holds_more_than_the_maximum() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (var commit = busyWithTheFirstItem(3, release)) {
            List<Item> waiting = List.of(Item.of(1), Item.of(2), Item.of(3), Item.of(4), Item.of(5));
            waiting.forEach(commit::submit);

            release.countDown();

            for (Item item : waiting) {
                item.answer().get(5, TimeUnit.SECONDS);
            }
            assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
            assertThat(batches.stream().flatMap(List::stream)).containsExactly(0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void items_submitted_after_closing_are_answered_by_the_closing_handler() throws Exception {
        var commit = new GroupCommit<Item>(
                "test", 2, 64, this::handle, item -> item.answer().complete("closed"));
        commit.close();
        Item late = Item.of(7);

        commit.submit(late);

        assertThat(late.answer().get(5, TimeUnit.SECONDS)).isEqualTo("closed");
        assertThat(batches).isEmpty();
    }

    /** A one-worker group commit whose worker has taken item 0 and holds it until {@code release} opens. */
    private GroupCommit<Item> busyWithTheFirstItem(int maxBatch, CountDownLatch release) throws InterruptedException {
        var commit = new GroupCommit<Item>(
                "test",
                1,
                maxBatch,
                batch -> {
                    entered.countDown();
                    awaitQuietly(release);
                    handle(batch);
                },
                item -> item.answer().complete("closed"));
        commit.submit(Item.of(0));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        return commit;
    }

    private void handle(List<Item> batch) {
        batches.add(batch.stream().map(Item::number).toList());
        batch.forEach(item -> item.answer().complete("done"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package co.wpfoods.privacy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records with their creation time, deleting as a service's SQL does: at most a batch of the older ones per call. */
final class InMemoryExpiredRecords implements ExpiredRecords {

    final List<Instant> records = new ArrayList<>();
    final List<Call> calls = new ArrayList<>();

    record Call(Instant before, int batch, int deleted) {}

    InMemoryExpiredRecords with(int count, Instant createdAt) {
        for (int i = 0; i < count; i++) {
            records.add(createdAt);
        }
        return this;
    }

    @Override
    public int purge(Instant before, int batch) {
        int deleted = 0;
        var it = records.iterator();
        while (it.hasNext() && deleted < batch) {
            if (it.next().isBefore(before)) {
                it.remove();
                deleted++;
            }
        }
        calls.add(new Call(before, batch, deleted));
        return deleted;
    }

    long olderThan(Instant cutoff) {
        return records.stream().filter(r -> r.isBefore(cutoff)).count();
    }
}

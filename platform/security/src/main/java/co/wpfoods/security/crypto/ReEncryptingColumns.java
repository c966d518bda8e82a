package co.wpfoods.security.crypto;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a rotation of the personal-data key (every 90 days), moves every encrypted column of one service's database
 * to the new primary key, in batches. Each service runs it from its {@code personal-data-re-encryption} db-scheduler
 * recurring task, with the list of its columns.
 */
public final class ReEncryptingColumns {

    private static final Logger log = LoggerFactory.getLogger(ReEncryptingColumns.class);

    private final ReEncryptionJob job;
    private final List<EncryptedColumn> columns;
    private final int batchSize;

    public ReEncryptingColumns(ReEncryptionJob job, List<EncryptedColumn> columns, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the re-encryption batch size must be positive: " + batchSize);
        }
        this.job = job;
        this.columns = List.copyOf(columns);
        this.batchSize = batchSize;
    }

    /** Moves every value still under an older key; returns how many moved. */
    public int run() {
        int moved = 0;
        for (EncryptedColumn column : columns) {
            int n = job.run(column, batchSize);
            if (n > 0) {
                log.info("Re-encrypted {} values of {}.{} under the current key", n, column.table(), column.column());
            }
            moved += n;
        }
        return moved;
    }

    /** Values still under an older key, over every column (0: the old key can leave the keyset). */
    public long remaining() {
        return columns.stream().mapToLong(job::remaining).sum();
    }
}

package co.wpfoods.ai.privacy.application;

import co.wpfoods.security.crypto.ReEncryptionJob;
import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a rotation of the personal-data key (every 90 days), moves every encrypted column of ai-service to the
 * new primary key, in batches; run by the {@code personal-data-re-encryption} recurring task.
 */
public class ReEncryptingPersonalData {

    private static final Logger log = LoggerFactory.getLogger(ReEncryptingPersonalData.class);

    private final ReEncryptionJob job;
    private final List<EncryptedColumn> columns;
    private final int batchSize;

    public ReEncryptingPersonalData(ReEncryptionJob job, List<EncryptedColumn> columns, int batchSize) {
        this.job = job;
        this.columns = columns;
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

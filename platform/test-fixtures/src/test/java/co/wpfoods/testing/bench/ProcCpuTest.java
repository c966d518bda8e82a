package co.wpfoods.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcCpuTest {

    @Test
    void a_stat_line_gives_the_name_between_the_outer_parentheses_and_user_plus_system_time() {
        // fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
        String stat = "4242 (C2 CompilerThre) (x)) S 1 4242 4242 0 -1 4194368 10 0 0 0 310 27 0 0 20 0 1 0";

        ProcCpu.Task task = ProcCpu.parse(4242, stat);

        assertThat(task.name()).isEqualTo("C2 CompilerThre) (x)");
        assertThat(task.cpuNanos()).isEqualTo((310 + 27) * ProcCpu.TICK_NANOS);
    }

    @Test
    void sums_by_name_with_digits_folded() {
        var sums = ProcCpu.byFoldedName(List.of(
                new ProcCpu.Task(1, "GC Thread#0", 5),
                new ProcCpu.Task(2, "GC Thread#1", 7),
                new ProcCpu.Task(3, "VM Thread", 1)));

        assertThat(sums)
                .containsEntry("GC Thread#N", 12L)
                .containsEntry("VM Thread", 1L)
                .hasSize(2);
    }

    @Test
    void this_process_is_among_the_processes_and_has_threads() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcCpu.processes()).anyMatch(p -> p.id() == self);
        assertThat(ProcCpu.threadsOf(self)).isNotEmpty();
        assertThat(ProcCpu.machine().totalNanos())
                .isGreaterThanOrEqualTo(ProcCpu.machine().busyNanos());
    }
}

package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.AggregateService.Written;

/** The aggregate's console lines, on a clock the test moves. */
class AggregateProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong(100 * SECOND);
    private final AggregateProgress progress = AggregateProgress.onClock(new PrintWriter(text), now::get);

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    @Test
    void eachMartIsPrintedAsItIsWrittenWithHowManyAreDone() {
        progress.planned(List.of("survey_returns", "feedback_summary", "follow_up_list"));
        progress.started("survey_returns");
        progress.started("feedback_summary");
        now.addAndGet(3 * SECOND);
        progress.written("survey_returns", new Written(1234, 2.96));

        assertThat(lines()).containsExactly(
                "  survey_returns                   1,234 rows    3.0 s   1 of 3 marts, 3 s");
    }

    @Test
    void whileNothingFinishesALineNamesTheMartsInFlightEveryFiveSeconds() {
        progress.planned(List.of("survey_returns", "feedback_summary", "follow_up_list"));
        progress.started("survey_returns");
        progress.written("survey_returns", new Written(14, 0.4));
        progress.started("feedback_summary");
        now.addAndGet(2 * SECOND);
        progress.started("follow_up_list");
        now.addAndGet(2 * SECOND);
        progress.tick(); // 4 s since the last line: nothing yet
        assertThat(lines()).hasSize(1);

        now.addAndGet(SECOND + SECOND / 2);
        progress.tick();
        assertThat(lines()).hasSize(2).last().isEqualTo(
                "  … 1 of 3 marts written, 6 s; running: feedback_summary (6 s), follow_up_list (4 s)");

        now.addAndGet(SECOND);
        progress.tick(); // a second later: quiet again for five seconds
        assertThat(lines()).hasSize(2);
    }

    @Test
    void nothingMoreOnceEveryMartIsWritten() {
        progress.planned(List.of("survey_returns"));
        progress.started("survey_returns");
        progress.written("survey_returns", new Written(0, 0.1));
        now.addAndGet(60 * SECOND);
        progress.tick();

        assertThat(lines()).singleElement().asString().endsWith("1 of 1 marts, 0 s");
    }
}

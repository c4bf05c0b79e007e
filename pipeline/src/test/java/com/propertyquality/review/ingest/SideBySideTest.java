package com.propertyquality.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The templates' loads side by side: every one run, a few at once; after a failure nothing new starts and the run
 * returns only once the loads already running have ended (the ingest's clean-up would pull their files away).
 */
class SideBySideTest {

    @Test
    void everyItemRunsOnceAndNoMoreThanTheThreadsAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7);

        SideBySide.run(items, 2, item -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(20);
            running.decrementAndGet();
            assertThat(ran.add(item)).isTrue();
        });

        assertThat(ran).containsExactlyInAnyOrderElementsOf(items);
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void oneThreadRunsTheItemsInOrderAndStopsAtTheFirstFailure() {
        List<String> ran = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> SideBySide.run(List.of("a", "b", "c"), 1, item -> {
            ran.add(item + "@" + Thread.currentThread().getName());
            if (item.equals("b")) {
                throw new IllegalStateException("b failed");
            }
        }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("b failed");
        String caller = Thread.currentThread().getName();
        assertThat(ran).containsExactly("a@" + caller, "b@" + caller);
    }

    @Test
    void aFailureIsThrownOnlyOnceTheSiblingRunningBesideItHasEnded() {
        CountDownLatch siblingStarted = new CountDownLatch(1);
        CountDownLatch failing = new CountDownLatch(1);
        AtomicBoolean siblingEnded = new AtomicBoolean();
        List<String> notStarted = Collections.synchronizedList(new ArrayList<>());

        Throwable thrown = catchThrowable(() -> SideBySide.run(List.of("fails", "sibling", "third", "fourth"), 2,
                item -> {
                    switch (item) {
                        case "fails" -> {
                            await(siblingStarted);
                            failing.countDown();
                            throw new IllegalStateException("the commit of fails broke");
                        }
                        case "sibling" -> {
                            siblingStarted.countDown();
                            await(failing);
                            sleep(300); // still committing when the failure reaches the caller
                            siblingEnded.set(true);
                        }
                        default -> notStarted.add(item);
                    }
                }));

        assertThat(thrown).hasMessage("the commit of fails broke");
        // the ingest's clean-up comes next: the sibling must be done by now
        assertThat(siblingEnded).isTrue();
        assertThat(notStarted).as("items queued behind a failure never start").isEmpty();
    }

    @Test
    void theFirstFailureIsThrownWithTheLaterOnesSuppressed() {
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch firstFailed = new CountDownLatch(1);

        Throwable thrown = catchThrowable(() -> SideBySide.run(List.of("first", "second"), 2, item -> {
            if (item.equals("first")) {
                await(secondStarted);
                firstFailed.countDown();
                throw new IllegalArgumentException("first");
            }
            secondStarted.countDown();
            await(firstFailed);
            throw new IllegalStateException("second");
        }));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("first");
        assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly("second");
    }

    @Test
    void anErrorIsThrownAsItIs() {
        assertThatThrownBy(() -> SideBySide.run(List.of("a", "b"), 2, item -> {
            if (item.equals("b")) {
                throw new OutOfMemoryError("b's heap");
            }
        })).isInstanceOf(OutOfMemoryError.class).hasMessage("b's heap");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

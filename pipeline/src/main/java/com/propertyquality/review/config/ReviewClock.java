package com.propertyquality.review.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Nothing a review is signed on reads it: every figure of a year is judged at
 * the year's cut-off (or at {@code --as-of}); the clock only names runs (run ids, manifests). {@code review.clock}
 * fixes it at an instant (ISO-8601, {@code 2027-12-01T09:00:00Z}) to reproduce a run as it happened on a given
 * day; the sample packet is tested to read the same under two clocks a year apart. No other code may read the
 * time of day (a test scans the sources for it).
 */
@Configuration(proxyBeanMethods = false)
public class ReviewClock {

    @Bean
    public Clock clock(@Value("${review.clock:}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemDefaultZone();
        }
        try {
            return Clock.fixed(Instant.parse(fixed.strip()), ZoneId.systemDefault());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("review.clock must be an instant such as 2027-12-01T09:00:00Z, not '"
                    + fixed + "'", e);
        }
    }
}

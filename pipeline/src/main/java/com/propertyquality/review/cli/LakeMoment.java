package com.propertyquality.review.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.LakeSnapshots;

/** The moment {@code aggregate --snapshot} names: an ingest run's last commit, or a timestamp. */
final class LakeMoment {

    private LakeMoment() {
    }

    static Instant resolve(String given, WorkFolder work) {
        String text = given.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notLocal) {
                // a run id, then
            }
        }
        return new LakeSnapshots(work.catalog()).committedBy(text).orElseThrow(() -> new IllegalArgumentException(
                "no table of the lake has a snapshot of the run " + text + " (a run that loaded nothing new commits"
                        + " nothing); give a run id from <work>/runs/ that changed the lake, or a timestamp such as"
                        + " 2026-01-31T18:00:00Z"));
    }
}

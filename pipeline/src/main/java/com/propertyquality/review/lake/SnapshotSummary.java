package com.propertyquality.review.lake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.propertyquality.review.contract.Template;

/**
 * What a load writes into the summary of each snapshot it commits, beside Iceberg's own counts: the run, the
 * template and every input file behind the snapshot, so that a figure can be traced from a mart's snapshot id to
 * the files an office sent. Any engine reading the table's snapshots sees these keys (data/README.md lists them).
 */
public final class SnapshotSummary {

    public static final String RUN_ID = "review.run-id";
    public static final String TEMPLATE = "review.template";
    public static final String SOURCES = "review.sources";
    private static final String SOURCE = "review.source.";
    /**
     * The snapshots whose rows a load kept when it rewrote a group of partitions ({@link FileGroups}), as a
     * comma-separated list of ids: the loads behind those rows, which the snapshot that added the file did not make.
     */
    public static final String KEPT_FROM = "review.kept-from";

    /**
     * One input file of a load.
     *
     * @param file     its name, without folders
     * @param sha256   the SHA-256 of its bytes
     * @param stored   rows stored
     * @param rejected rows rejected
     */
    public record Source(String file, String sha256, long stored, long rejected) {
    }

    private SnapshotSummary() {
    }

    /** The summary entries of a load's commit. */
    public static Map<String, String> of(String runId, Template template, List<Source> sources) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put(RUN_ID, runId);
        summary.put(TEMPLATE, template.name());
        summary.put(SOURCES, String.valueOf(sources.size()));
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            String prefix = SOURCE + (i + 1) + ".";
            summary.put(prefix + "file", source.file());
            summary.put(prefix + "sha256", source.sha256());
            summary.put(prefix + "rows-stored", String.valueOf(source.stored()));
            summary.put(prefix + "rows-rejected", String.valueOf(source.rejected()));
        }
        return summary;
    }

    /** The input files a snapshot's summary names (none for a snapshot another tool committed). */
    public static List<Source> sources(Map<String, String> summary) {
        List<Source> sources = new ArrayList<>();
        int count = Integer.parseInt(summary.getOrDefault(SOURCES, "0"));
        for (int i = 1; i <= count; i++) {
            String prefix = SOURCE + i + ".";
            sources.add(new Source(summary.get(prefix + "file"), summary.get(prefix + "sha256"),
                    Long.parseLong(summary.get(prefix + "rows-stored")),
                    Long.parseLong(summary.get(prefix + "rows-rejected"))));
        }
        return sources;
    }

    /** The ids as {@link #KEPT_FROM} writes them. */
    static String snapshotIds(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The snapshots a summary's {@link #KEPT_FROM} names (none when absent). */
    public static Set<Long> keptFrom(Map<String, String> summary) {
        String ids = summary.get(KEPT_FROM);
        Set<Long> kept = new TreeSet<>();
        if (ids != null && !ids.isBlank()) {
            for (String id : ids.split(",")) {
                kept.add(Long.parseLong(id.trim()));
            }
        }
        return kept;
    }
}

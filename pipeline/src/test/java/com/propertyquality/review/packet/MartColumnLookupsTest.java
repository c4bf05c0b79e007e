package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packet reads a mart's columns through the mart's declaration ({@code row.number(SurveyReturns.RETURN_RATE)}),
 * never by a plain string: a renamed or dropped column then fails to compile, or fails on the first lookup naming
 * the mart, instead of printing an empty cell. Only the lake datasets' columns (the review plan's tables and the
 * office register, which are input, not marts) and the few lookups that serve the rows of any mart alike are read by
 * name: each is listed here, per class, with the reason.
 */
class MartColumnLookupsTest {

    private static final Path PACKET = Path.of("src/main/java/com/propertyquality/review/packet");

    /** A lookup of a column by a string, as MartRow's and Map's methods take it. */
    private static final Pattern LOOKUP = Pattern.compile(
            "\\.(get|text|count|number|integer|flag|isTrue|isPositive|date|has)\\(\\s*\"([A-Za-z_0-9]+)\"\\s*\\)");

    private static final String PLAN = "a lake dataset of the review plan (review_plan, review_attendees,"
            + " review_events, review_audit_findings, review_department_reports), not a mart";
    private static final String OFFICES = "the lake's office register (offices), not a mart";
    private static final String ANY_MART = "serves the rows of any mart (and of the offices dataset) alike:"
            + " every mart keyed by office has these columns";

    /** Class → column → why it is read by name. */
    private static final Map<String, Map<String, String>> BY_NAME = Map.ofEntries(
            Map.entry("DepartmentReportsChapter", columns(PLAN, "text", "department", "title")),
            Map.entry("IncidentsAndActionsChapter", columns(PLAN, "kind", "date", "description",
                    "previous_review_on")),
            Map.entry("OutputFormsChapter", columns(PLAN, "meeting_date", "meeting_time", "place", "chair",
                    "management_representative", "previous_review_on", "name", "department", "role")),
            Map.entry("ReviewPlanChapter", merge(columns(PLAN, "meeting_date", "meeting_time", "place", "chair",
                    "management_representative", "seq", "name", "department", "role"),
                    columns(OFFICES, "office_id", "office_name"))),
            Map.entry("PlanEntries", columns(PLAN, "seq")),
            Map.entry("PlanEvents", columns(PLAN, "seq", "date", "description")),
            Map.entry("OfficeReport", columns(OFFICES, "office_id", "office_name")),
            Map.entry("OfficeRegister", columns(OFFICES + "; or survey_returns when the lake has no register; "
                    + ANY_MART, "office_id", "office_name")),
            Map.entry("Labels", columns(ANY_MART, "office_id", "office_name")),
            Map.entry("PacketSource", columns("filters the maps of any mart or lake dataset by year and office"
                    + " before they are rows of one mart", "year", "office_id")),
            Map.entry("WorkFolderSource", columns("indexes the maps of any mart by office before they are rows of"
                    + " one mart", "office_id")));

    @Test
    void packetReadsNoMartColumnByString() throws IOException {
        List<String> unlisted = new ArrayList<>();
        Map<String, Set<String>> used = new TreeMap<>();
        List<Path> sources = sources();
        assertThat(sources).as("the packet's classes").hasSizeGreaterThan(30);
        for (Path file : sources) {
            String name = file.getFileName().toString().replace(".java", "");
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String column : lookups(lines.get(i))) {
                    if (BY_NAME.getOrDefault(name, Map.of()).containsKey(column)) {
                        used.computeIfAbsent(name, c -> new LinkedHashSet<>()).add(column);
                    } else {
                        unlisted.add(name + ".java:" + (i + 1) + " reads \"" + column + "\": use the mart's"
                                + " declared column");
                    }
                }
            }
        }
        assertThat(unlisted).as("mart columns looked up by string in packet/").isEmpty();
        // a listed name no lookup uses any more is taken off the list, so that the list stays the exceptions
        Map<String, Set<String>> listed = new TreeMap<>();
        BY_NAME.forEach((name, columns) -> listed.put(name, columns.keySet()));
        assertThat(used).as("columns read by name, against the list").isEqualTo(listed);
    }

    @Test
    void aLookupByStringIsFound() {
        assertThat(lookups("Double rate = row.number(\"return_rate\"), other = row.number(SurveyReturns.RETURN_RATE);"))
                .containsExactly("return_rate");
        assertThat(lookups("if (row.isTrue( \"meets_threshold\" ) && map.get(\"office_id\") != null)"))
                .containsExactly("meets_threshold", "office_id");
        assertThat(lookups("text(lang, \"column.rate\")")).isEmpty();
    }

    static List<String> lookups(String line) {
        List<String> columns = new ArrayList<>();
        Matcher lookup = LOOKUP.matcher(line);
        while (lookup.find()) {
            columns.add(lookup.group(2));
        }
        return columns;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(PACKET)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Map<String, String> columns(String reason, String... names) {
        Map<String, String> columns = new TreeMap<>();
        for (String name : names) {
            columns.put(name, reason);
        }
        return columns;
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new TreeMap<>(first);
        merged.putAll(second);
        return merged;
    }
}

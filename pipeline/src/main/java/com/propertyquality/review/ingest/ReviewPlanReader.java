package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.contract.Template;

/**
 * Reads a review plan (review-plan*.yaml) into source rows of the plan tables, keeping each entry's line so a
 * problem is reported where it is. Keys may be English or Chinese, as template headers. Values are read as the
 * text written (a YAML date stays 2026-01-15), then checked by the same rules as any template row.
 */
final class ReviewPlanReader {

    /** The plan's rows per table, and the keys that were not understood. */
    record PlanRows(Map<Template, List<SourceRow>> rows, List<String> warnings) {
    }

    private final String fileName;
    private final List<String> warnings = new ArrayList<>();

    private ReviewPlanReader(String fileName) {
        this.fileName = fileName;
    }

    static PlanRows read(Path file) {
        return new ReviewPlanReader(file.getFileName().toString()).readFile(file);
    }

    private PlanRows readFile(Path file) {
        Node root;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            throw new UnreadableFileException("not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file: " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode plan)) {
            throw new UnreadableFileException("a review plan is a YAML mapping of keys (year, meeting_date, ...)");
        }
        Template meeting = ReviewPlanTables.PLAN;
        String[] meetingCells = new String[meeting.columns().size()];
        Map<Template, List<SourceRow>> rows = new LinkedHashMap<>();
        rows.put(meeting, new ArrayList<>());
        Map<Template, SequenceNode> lists = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (NodeTuple entry : plan.getValue()) {
            String key = scalar(entry.getKeyNode());
            Optional<ColumnSpec> column = key == null ? Optional.empty() : meeting.columnForHeader(key);
            Optional<Template> part = partFor(key);
            if (column.isPresent()) {
                String value = scalar(entry.getValueNode());
                if (value == null && !(entry.getValueNode() instanceof ScalarNode)) {
                    problems.add(line(entry.getKeyNode()) + ": " + key + " must be a single value");
                }
                meetingCells[meeting.indexOf(column.get().name())] = blankToNull(value);
            } else if (part.isPresent() && entry.getValueNode() instanceof SequenceNode list) {
                lists.put(part.get(), list);
            } else if (part.isPresent()) {
                problems.add(line(entry.getKeyNode()) + ": " + key + " must be a list of entries");
            } else {
                warnings.add("key '" + key + "' (line " + line(entry.getKeyNode()) + ") is not part of a review plan:"
                        + " ignored");
            }
        }
        rows.get(meeting).add(new SourceRow(fileName, null, line(plan), meetingCells,
                problems.isEmpty() ? null : String.join("; ", problems)));
        String year = meetingCells[meeting.indexOf("year")];
        for (Template part : ReviewPlanTables.PARTS) {
            List<SourceRow> partRows = new ArrayList<>();
            SequenceNode list = lists.get(part);
            if (list != null) {
                int seq = 0;
                for (Node item : list.getValue()) {
                    partRows.add(entryRow(part, item, year, ++seq));
                }
            }
            rows.put(part, partRows);
        }
        return new PlanRows(rows, List.copyOf(warnings));
    }

    private SourceRow entryRow(Template part, Node item, String year, int seq) {
        String[] cells = new String[part.columns().size()];
        cells[part.indexOf("year")] = year;
        cells[part.indexOf("seq")] = String.valueOf(seq);
        if (!(item instanceof MappingNode fields)) {
            return new SourceRow(fileName, null, line(item), cells,
                    "an entry of " + part.name() + " must be a mapping of fields");
        }
        for (NodeTuple field : fields.getValue()) {
            String key = scalar(field.getKeyNode());
            Optional<ColumnSpec> column = key == null ? Optional.empty() : part.columnForHeader(key);
            if (column.isEmpty() || column.get().name().equals("year") || column.get().name().equals("seq")) {
                warnings.add("key '" + key + "' in " + part.name() + " (line " + line(field.getKeyNode())
                        + ") is not a field of it: ignored");
                continue;
            }
            cells[part.indexOf(column.get().name())] = blankToNull(scalar(field.getValueNode()));
        }
        return new SourceRow(fileName, null, line(item), cells, null);
    }

    /** The plan list a key names, in English (attendees) or Chinese (参加人员). */
    private static Optional<Template> partFor(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return ReviewPlanTables.PARTS.stream()
                .filter(part -> part.name().equals(key.strip()) || ReviewPlanTables.chineseKey(part).equals(key.strip()))
                .findFirst();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
